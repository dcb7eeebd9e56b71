package cn.anshan.oversight.testkit.layering.good.domain;

/** A plain-Java rule. */
public record AgeRule(int minimum) {
  public boolean admits(int age) {
    return age >= minimum;
  }
}
