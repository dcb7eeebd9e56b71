package cn.anshan.oversight.kit.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per client address per minute (a fixed window), for the reads anyone may make. Windows
 * of past minutes are dropped once many addresses were seen, so memory stays bounded.
 */
@ApplicationScoped
public class PublicRateLimiter {
  private static final int SWEEP_ABOVE = 10_000;

  private final int perMinute;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private record Window(long minute, AtomicInteger count) {}

  public PublicRateLimiter(
      @ConfigProperty(name = "oversight.http.public.requests-per-minute") int perMinute) {
    this.perMinute = perMinute;
  }

  /** Whether the client may make one more request in the minute of {@code nowMillis}. */
  public boolean admit(String client, long nowMillis) {
    long minute = nowMillis / 60_000;
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window window =
        windows.compute(
            client,
            (k, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, new AtomicInteger())
                    : old);
    return window.count().incrementAndGet() <= perMinute;
  }

  public int perMinute() {
    return perMinute;
  }

  /** Seconds until the next window opens. */
  public static long retryAfterSeconds(long nowMillis) {
    return 60 - (nowMillis / 1000) % 60;
  }
}
