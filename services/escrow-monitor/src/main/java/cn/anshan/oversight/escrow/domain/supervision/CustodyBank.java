package cn.anshan.oversight.escrow.domain.supervision;

/**
 * PRE-10 / PRE-12: the bank an institution's filed agreement names. Only that bank reports the
 * supervised account's movements; any other bank's report is refused under the agreement's rule.
 */
public record CustodyBank(String bankId, SupervisionMode mode) {

  /** The rule of the agreement: custody (PRE-10) or risk reserve (PRE-12). */
  public String rule() {
    return mode == SupervisionMode.CUSTODY ? "PRE-10" : "PRE-12";
  }

  /** Whether {@code reportingBank} is the bank the agreement names (never for an unnamed bank). */
  public boolean is(String reportingBank) {
    return bankId != null && bankId.equals(reportingBank);
  }
}
