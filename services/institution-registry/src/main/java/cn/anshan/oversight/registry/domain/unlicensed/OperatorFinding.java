package cn.anshan.oversight.registry.domain.unlicensed;

/** What the regulator's assessment of an operator established, and under which rule. */
public enum OperatorFinding {
  /** ENF-02: all three parts of the unlicensed-institution test are met. */
  UNLICENSED_INSTITUTION("ENF-02"),
  /** ENF-03: disguised subject-type training short of the unlicensed-institution test. */
  DISGUISED_TRAINING("ENF-03"),
  /** Neither: nothing to sanction under ENF-02 or ENF-03. */
  NOT_ESTABLISHED(null);

  private final String rule;

  OperatorFinding(String rule) {
    this.rule = rule;
  }

  /** The rule the finding is made under; null when nothing was established. */
  public String rule() {
    return rule;
  }
}
