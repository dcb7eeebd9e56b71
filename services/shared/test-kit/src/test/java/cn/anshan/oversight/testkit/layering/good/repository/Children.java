package cn.anshan.oversight.testkit.layering.good.repository;

import cn.anshan.oversight.testkit.layering.good.domain.AgeRule;

/** Persistence may use the domain. */
public class Children {
  public AgeRule rule() {
    return new AgeRule(6);
  }
}
