package cn.anshan.oversight.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a service's consumers parked (kit {@code parked_event}, issue 15 item 1), read over JDBC.
 */
public final class ParkedRecords {
  private ParkedRecords() {}

  /**
   * Waits up to {@code timeout} until {@code consumer} parked a record whose payload contains
   * {@code marker}, and returns its reason; fails when none was parked.
   */
  public static String await(String consumer, String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Map<String, Object>> rows =
          TestInfra.query(
              "select reason from parked_event where consumer = ? and strpos(payload, ?) > 0",
              consumer,
              marker);
      if (!rows.isEmpty()) {
        return (String) rows.get(0).get("reason");
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(consumer + " parked nothing containing " + marker);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
