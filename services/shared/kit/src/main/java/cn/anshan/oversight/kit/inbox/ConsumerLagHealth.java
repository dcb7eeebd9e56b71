package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.outbox.BrokerConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How far each of this service's consumer groups is behind, on {@code /q/health/ready} (issue 15):
 * per group the records not consumed yet (end offsets minus committed offsets over the partitions
 * it consumes) and how long it has been behind without committing progress. Lag alone is no fault —
 * a burst, a broker back from an outage — so the check turns DOWN only when a group has been
 * stalled for longer than {@code oversight.inbox.lag.readiness-max-stall}: a consumer retrying one
 * record in place, which an operator must look at. The broker is asked as the service's own
 * principal (its READ grants on its groups and topics include DESCRIBE), at most once per {@code
 * check-interval}; when it does not answer, the check keeps its last status and adds an {@code
 * error} (the outbox check and the messaging checks report the broker itself).
 */
@Readiness
@ApplicationScoped
public class ConsumerLagHealth implements HealthCheck {
  private static final String INCOMING = "mp.messaging.incoming.";
  private static final String GROUP = ".group.id";

  private final Set<String> groups = new TreeSet<>();
  private final BrokerConnection connection;
  private final ConsumerLagSettings settings;
  private final Map<String, Progress> progress = new HashMap<>();
  private Admin admin;
  private HealthCheckResponse last;
  private long lastAt;
  private boolean lastUp = true;

  /**
   * A group's committed offsets (summed) and since when they have not moved while it was behind.
   */
  private record Progress(long committed, long sinceNanos) {}

  public ConsumerLagHealth(
      Config config, BrokerConnection connection, ConsumerLagSettings settings) {
    this.connection = connection;
    this.settings = settings;
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(INCOMING) && name.endsWith(GROUP)) {
        config.getOptionalValue(name, String.class).ifPresent(groups::add);
      }
    }
  }

  @Override
  public synchronized HealthCheckResponse call() {
    long now = System.nanoTime();
    if (last == null || now - lastAt >= settings.checkInterval().toNanos()) {
      last = ask(now);
      lastAt = now;
    }
    return last;
  }

  private HealthCheckResponse ask(long now) {
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("consumers")
            .withData("maxStallSeconds", settings.readinessMaxStall().toSeconds());
    boolean up = true;
    try {
      for (String group : groups) {
        Map<TopicPartition, Long> positions = positions(group);
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(positions, OffsetSpec.latest());
        long lag = 0;
        long position = 0;
        for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
          position += e.getValue();
          ListOffsetsResultInfo end = ends.get(e.getKey());
          lag += end == null ? 0 : Math.max(0, end.offset() - e.getValue());
        }
        Progress p = progress.get(group);
        if (p == null || p.committed() != position || lag == 0) {
          p = new Progress(position, now);
          progress.put(group, p);
        }
        long stalled = lag == 0 ? 0 : Duration.ofNanos(now - p.sinceNanos()).toSeconds();
        health.withData(group + ".lag", lag).withData(group + ".stalledSeconds", stalled);
        up &= stalled <= settings.readinessMaxStall().toSeconds();
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // a slow answer changes nothing: a stalled group stays DOWN, a healthy one UP
      return health.withData("error", e.getClass().getSimpleName()).status(lastUp).build();
    }
    lastUp = up;
    return health.status(up).build();
  }

  /**
   * Where the group stands on each partition it consumes: its committed offset, or — for a
   * partition assigned to it that it never committed on (a group stuck on its very first record) —
   * the partition's beginning, where {@code auto.offset.reset=earliest} starts it.
   */
  private Map<TopicPartition, Long> positions(String group) throws Exception {
    Map<TopicPartition, Long> positions = new HashMap<>();
    admin()
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(2, TimeUnit.SECONDS)
        .forEach(
            (tp, committed) -> {
              if (committed != null) {
                positions.put(tp, committed.offset());
              }
            });
    Map<TopicPartition, Long> uncommitted = new HashMap<>();
    for (MemberDescription member :
        admin()
            .describeConsumerGroups(List.of(group))
            .describedGroups()
            .get(group)
            .get(2, TimeUnit.SECONDS)
            .members()) {
      member.assignment().topicPartitions().stream()
          .filter(tp -> !positions.containsKey(tp))
          .forEach(tp -> uncommitted.put(tp, 0L));
    }
    offsets(uncommitted, OffsetSpec.earliest())
        .forEach((tp, info) -> positions.put(tp, info.offset()));
    return positions;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(
      Map<TopicPartition, Long> partitions, OffsetSpec spec) throws Exception {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
    partitions.keySet().forEach(tp -> wanted.put(tp, spec));
    return admin().listOffsets(wanted).all().get(2, TimeUnit.SECONDS);
  }

  private Admin admin() {
    if (admin == null) {
      Properties props = connection.properties();
      props.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag-health");
      props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
      props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
      admin = Admin.create(props);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
