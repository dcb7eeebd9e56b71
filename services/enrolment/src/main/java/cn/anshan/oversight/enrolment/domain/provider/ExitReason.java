package cn.anshan.oversight.enrolment.domain.provider;

/** Why a provider left a programme (ASV-06 dynamic exit). */
public enum ExitReason {
  BLACKLISTED,
  DELISTED,
  LICENCE_REVOKED,
  LICENCE_EXPIRED,
  EVALUATION_FAILED,
  /** STF-06: the registry black-listed a person the institution employs (issue 18 item 5). */
  STAFF_BLACKLISTED,
  /** REG-03: the bureau classified the provider's course as subject-type training. */
  COURSE_REFUTED
}
