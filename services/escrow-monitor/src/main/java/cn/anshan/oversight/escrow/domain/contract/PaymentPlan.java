package cn.anshan.oversight.escrow.domain.contract;

/** CON-05: the contract's payment clause, one lump sum or instalments. */
public enum PaymentPlan {
  LUMP_SUM,
  INSTALMENTS
}
