package cn.anshan.oversight.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The open-model mix: each flow starts at a constant arrival rate whatever the platform's answers
 * take, so a slow platform shows its latency instead of slowing the clients down (no coordinated
 * omission). Connections come from one shared pool of at most 32 per service, as behind a gateway.
 */
public class MixedSimulation extends Simulation {
  record Flow(
      String name,
      Iterator<Map<String, Object>> feeder,
      Supplier<ChainBuilder> chain,
      double perSecond) {}

  record Mix(List<Flow> flows, Duration duration) {}

  static volatile Mix mix;

  public MixedSimulation() {
    Mix m = mix;
    List<PopulationBuilder> populations =
        m.flows().stream()
            .filter(f -> f.perSecond() > 0)
            .map(
                f ->
                    scenario(f.name())
                        .feed(f.feeder())
                        .exec(f.chain().get())
                        .injectOpen(constantUsersPerSec(f.perSecond()).during(m.duration())))
            .toList();
    setUp(populations)
        .protocols(
            http.disableCaching().disableWarmUp().shareConnections().maxConnectionsPerHost(32));
  }
}
