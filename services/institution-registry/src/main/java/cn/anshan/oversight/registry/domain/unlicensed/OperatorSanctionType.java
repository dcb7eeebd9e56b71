package cn.anshan.oversight.registry.domain.unlicensed;

import java.util.EnumSet;
import java.util.Set;

/** The outcomes ENF-02 and ENF-03 name for an operator, plus a referral to another agency. */
public enum OperatorSanctionType {
  ORDER_TO_STOP,
  ORDER_TO_CORRECT,
  REFUND_FEES,
  FINE,
  WARNING,
  REFERRAL;

  /** ENF-02: order to stop, refund the fees, a fine of 1–5 times the illegal gains. */
  static final Set<OperatorSanctionType> ENF_02 =
      EnumSet.of(ORDER_TO_STOP, REFUND_FEES, FINE, REFERRAL);

  /** ENF-03: order to correct, refund the fees, a warning, a capped fine if serious. */
  static final Set<OperatorSanctionType> ENF_03 =
      EnumSet.of(ORDER_TO_CORRECT, REFUND_FEES, WARNING, FINE, REFERRAL);
}
