package cn.anshan.oversight.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a consumer retries an event whose effect failed for a reason other than the event itself (a
 * database that is down or refusing): in place, with backoff, holding back the partition so order
 * is kept, and only after {@code give-up-after} to the dead-letter topic (issue 15).
 */
@ConfigMapping(prefix = "oversight.inbox.retry")
public interface InboxSettings {
  @WithDefault("500ms")
  Duration initialBackoff();

  @WithDefault("30s")
  Duration maxBackoff();

  /**
   * After this long the event goes to the channel's dead-letter topic; long enough to ride out an
   * outage.
   */
  @WithDefault("30m")
  Duration giveUpAfter();
}
