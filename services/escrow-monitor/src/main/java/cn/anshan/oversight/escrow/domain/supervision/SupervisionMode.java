package cn.anshan.oversight.escrow.domain.supervision;

/** PRE-09: bank custody or a risk reserve. */
public enum SupervisionMode {
  CUSTODY,
  RISK_RESERVE
}
