package cn.anshan.oversight.enrolment.domain.provider;

/** Why a provider left a programme (ASV-06 dynamic exit). */
public enum ExitReason {
  BLACKLISTED,
  DELISTED,
  LICENCE_REVOKED,
  LICENCE_EXPIRED,
  EVALUATION_FAILED
}
