package cn.anshan.oversight.kit.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RefreshNoiseFilterTest {
  private final RefreshNoiseFilter filter = new RefreshNoiseFilter();

  @Test
  void dropsOnlyTheRefreshDeprecation() {
    assertFalse(
        filter.isLoggable(
            new LogRecord(
                Level.WARNING,
                "HHH90000034: Refreshing/locking detached entities is no longer allowed.")));
    assertTrue(filter.isLoggable(new LogRecord(Level.WARNING, "HHH90000025: another deprecation")));
    assertTrue(filter.isLoggable(new LogRecord(Level.INFO, null)));
  }
}
