package cn.anshan.oversight.kit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/**
 * Request latency as a histogram with a few fixed buckets, so dashboards and alerts can take a p99
 * across replicas ({@code histogram_quantile}) — the issue 13 targets are p99s. Eight buckets per
 * route and status keep the series count bounded; the full percentile histogram would add ~70.
 */
@Singleton
public class LatencyBuckets {
  static final Duration[] BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5)
  };

  @Produces
  @Singleton
  MeterFilter httpServerBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .serviceLevelObjectives(Arrays.stream(BUCKETS).mapToDouble(d -> d.toNanos()).toArray())
            .build()
            .merge(config);
      }
    };
  }
}
