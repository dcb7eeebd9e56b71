package cn.anshan.oversight.kit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the outbox relay did (issue 20 item 1): events the broker acknowledged, events it did not
 * (retried), and events quarantined after repeated refusals. Counted by the leader only.
 */
@ApplicationScoped
public class RelayMeters {
  private final Counter published;
  private final Counter failed;
  private final Counter quarantined;

  public RelayMeters(MeterRegistry registry) {
    this.published =
        Counter.builder("oversight.relay.published")
            .description("Outbox events the broker acknowledged")
            .baseUnit("events")
            .register(registry);
    this.failed =
        Counter.builder("oversight.relay.failed")
            .description("Outbox events the broker did not acknowledge (they are retried)")
            .baseUnit("events")
            .register(registry);
    this.quarantined =
        Counter.builder("oversight.relay.quarantined")
            .description("Outbox events quarantined after repeated refusals")
            .baseUnit("events")
            .register(registry);
  }

  public void published(int events) {
    published.increment(events);
  }

  public void failed(int events) {
    failed.increment(events);
  }

  public void quarantined(int events) {
    quarantined.increment(events);
  }
}
