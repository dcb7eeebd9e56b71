package cn.anshan.oversight.enrolment.domain.charge;

/**
 * §8.3 {@code asv.refundGranularity}: how a partly used month is counted. DAY pro rata by calendar
 * day (Wuhan); HALF_MONTH rounds the used part up to half or whole months (Haikou); MONTH counts
 * any used day as the whole month.
 */
public enum RefundGranularity {
  DAY,
  HALF_MONTH,
  MONTH
}
