package cn.anshan.oversight.registry.domain.advertising;

/**
 * ADV-01's configured repeat offending: {@code threshold} confirmed violations within a rolling
 * window of {@code windowDays} days.
 */
public record RepeatLimits(int threshold, int windowDays) {}
