package cn.anshan.oversight.testkit.layering.good.rest;

import cn.anshan.oversight.testkit.layering.good.service.Enrol;

/** A thin resource calls a use case. */
public class ChildResource {
  public boolean enrol(int age) {
    return new Enrol().admits(age);
  }
}
