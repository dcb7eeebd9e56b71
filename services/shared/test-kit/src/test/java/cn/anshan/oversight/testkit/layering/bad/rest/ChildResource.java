package cn.anshan.oversight.testkit.layering.bad.rest;

import cn.anshan.oversight.testkit.layering.bad.repository.Children;

/** Breaks the rule that resources reach persistence only through a use case. */
public class ChildResource {
  Children children = new Children();
}
