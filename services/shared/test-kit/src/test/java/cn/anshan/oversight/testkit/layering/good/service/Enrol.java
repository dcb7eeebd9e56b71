package cn.anshan.oversight.testkit.layering.good.service;

import cn.anshan.oversight.testkit.layering.good.repository.Children;

/** A use case loads through persistence and decides in the domain. */
public class Enrol {
  public boolean admits(int age) {
    return new Children().rule().admits(age);
  }
}
