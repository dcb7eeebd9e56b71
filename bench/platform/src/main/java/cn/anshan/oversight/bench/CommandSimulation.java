package cn.anshan.oversight.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A closed loop over one operation: {@code connections} virtual users, each on its own keep-alive
 * connection, send it back to back for the duration (the shape of {@code wrk -c N}), giving the
 * throughput a number of concurrent clients gets.
 */
public class CommandSimulation extends Simulation {
  record Plan(
      String name,
      Iterator<Map<String, Object>> feeder,
      Supplier<ChainBuilder> prepare,
      Supplier<ChainBuilder> step,
      int connections,
      Duration duration,
      boolean sameActorThroughout) {}

  static volatile Plan plan;

  public CommandSimulation() {
    Plan p = plan;
    setUp(
            scenario(p.name())
                .feed(p.feeder())
                .exec(p.prepare().get())
                .during(p.duration())
                // a new family per command, as in a crowd: one parent repeating an order would
                // soon meet the prepayment cap (PRE-20) and measure refusals. A school amending
                // its own proposal keeps it (the step carries the proposal's ETag on).
                .on(
                    p.sameActorThroughout()
                        ? p.step().get()
                        : feed(p.feeder()).exec(p.step().get()))
                .injectOpen(atOnceUsers(p.connections())))
        .protocols(http.disableCaching().disableWarmUp());
  }
}
