package cn.anshan.oversight.testkit.layering.bad.repository;

import cn.anshan.oversight.testkit.layering.other.ForeignThing;

/** Breaks the rule that no service uses another's classes. */
public class Children {
  public ForeignThing borrowed() {
    return new ForeignThing();
  }
}
