package cn.anshan.oversight.escrow.domain.risk;

/** §11 row 13 indicators (proposed; the official list is UNCONFIRMED, DOMAIN.md §12 item 5). */
public enum RiskIndicator {
  /** (a) custody balance ÷ value of unconsumed lessons below 1 (REL-13). */
  COVERAGE("REL-13"),
  /** (b) a week's sales against the trailing 4-week average (REL-13: large fund movements). */
  SALES_SPIKE("REL-13"),
  /** (c) refund requests piling up for one institution (§11 row 12 alert). */
  REFUND_SURGE("REL-05"),
  /** (d) unconsumed money without any lesson activity (REL-01: release in step with delivery). */
  STALE_BALANCE("REL-01"),
  /** (g) risk reserve below the configured minimum (PRE-13, UNCONFIRMED amount). */
  RESERVE_BELOW_MINIMUM("PRE-13"),
  /** Money collected while the institution may not collect (§11 row 3, LST-01). */
  COLLECTION_WHILE_NOT_ENTITLED("LST-01"),
  /**
   * The bank holds less than the ledger says custody holds: money left custody outside the platform
   * (PRE-08: prepayments are supervised in full).
   */
  CUSTODY_SHORTFALL("PRE-08"),
  /**
   * The bank holds more than the ledger: money reached the account that no reported payment
   * explains, i.e. collected outside the platform's orders (PRE-25, row 13 f).
   */
  UNEXPLAINED_INFLOW("PRE-25"),
  /**
   * An order's lessons asked for faster than lessons are taught: more in 7 days than {@code
   * risk.fastConsumptionLessonsPerWeek} (PLT-14: indicators are unpublished, the number is local).
   */
  FAST_CONSUMPTION("PLT-14"),
  /**
   * The institution asked to be paid for a held session the order's child did not attend (REL-04: a
   * lesson is consumed for a lesson given); the request is refused and the attempt recorded.
   */
  CONSUMPTION_WITHOUT_ATTENDANCE("REL-04");

  private final String rule;

  RiskIndicator(String rule) {
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
