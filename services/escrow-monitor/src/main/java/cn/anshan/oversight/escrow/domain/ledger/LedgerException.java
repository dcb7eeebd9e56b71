package cn.anshan.oversight.escrow.domain.ledger;

/** A movement the ledger refuses, naming the rule it would break. */
public class LedgerException extends RuntimeException {
  private final String rule;

  public LedgerException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
