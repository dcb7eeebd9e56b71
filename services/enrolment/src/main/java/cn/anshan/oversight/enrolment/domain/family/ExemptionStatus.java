package cn.anshan.oversight.enrolment.domain.family;

/** A guardian claims; the child's school verifies the evidence and grants or rejects. */
public enum ExemptionStatus {
  CLAIMED,
  GRANTED,
  REJECTED
}
