package cn.anshan.oversight.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When the readiness check {@link ConsumerLagHealth} calls a consumer group stalled. */
@ConfigMapping(prefix = "oversight.inbox.lag")
public interface ConsumerLagSettings {

  /**
   * DOWN once a group has been behind its topics without committing progress for longer than this:
   * a consumer retrying one record in place (shorter than {@code retry.give-up-after}, so an
   * operator hears of it before the record is parked).
   */
  @WithDefault("15m")
  Duration readinessMaxStall();

  /** The broker is asked at most this often; probes in between get the last answer. */
  @WithDefault("10s")
  Duration checkInterval();
}
