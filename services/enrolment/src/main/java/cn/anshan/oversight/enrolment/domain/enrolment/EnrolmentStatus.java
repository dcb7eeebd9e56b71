package cn.anshan.oversight.enrolment.domain.enrolment;

/**
 * A guardian's application is confirmed at once (no capacity limit is modelled); then withdrawn.
 */
public enum EnrolmentStatus {
  ENROLLED,
  WITHDRAWN
}
