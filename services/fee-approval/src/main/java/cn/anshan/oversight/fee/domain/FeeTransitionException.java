package cn.anshan.oversight.fee.domain;

/**
 * A command the proposal does not allow, naming the rule (LN-ASV-06 by default): a transition its
 * status forbids ({@link #conflict()} true, HTTP 409) or values that break a rule (422).
 */
public class FeeTransitionException extends RuntimeException {
  private final String rule;
  private final boolean conflict;

  public FeeTransitionException(String rule, String detail) {
    this(rule, detail, true);
  }

  private FeeTransitionException(String rule, String detail, boolean conflict) {
    super(detail, null, false, false);
    this.rule = rule;
    this.conflict = conflict;
  }

  /** Values the state allows but a rule forbids. */
  public static FeeTransitionException invalid(String rule, String detail) {
    return new FeeTransitionException(rule, detail, false);
  }

  public String rule() {
    return rule;
  }

  public boolean conflict() {
    return conflict;
  }
}
