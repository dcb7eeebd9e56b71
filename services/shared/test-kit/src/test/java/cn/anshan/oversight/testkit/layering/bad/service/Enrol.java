package cn.anshan.oversight.testkit.layering.bad.service;

import cn.anshan.oversight.testkit.layering.bad.rest.ChildResource;

/** Breaks the rule that a use case does not know its resource. */
public class Enrol {
  ChildResource caller;
}
