package cn.anshan.oversight.kit.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops Hibernate's "HHH90000034: Refreshing/locking detached entities is no longer allowed", which
 * Hibernate Reactive 3.2 makes ORM 7 log on every {@code refresh}, of managed entities too: its
 * {@code fireRefresh} asks {@code SessionFactoryOptions.isAllowRefreshDetachedEntity()}, whose
 * default logs the deprecation and answers false (a detached entity is then refused with "Entity
 * not managed", so nothing is hidden). Escrow refreshes a consumption or refund under its order's
 * lock on every answer: 4,410 such lines over the bench runs of 2026-12-04 (bench/README.md).
 */
@LoggingFilter(name = "refresh-deprecation-noise")
public final class RefreshNoiseFilter implements Filter {
  static final String CODE = "HHH90000034";

  @Override
  public boolean isLoggable(LogRecord record) {
    String message = record.getMessage();
    return message == null || !message.startsWith(CODE);
  }
}
