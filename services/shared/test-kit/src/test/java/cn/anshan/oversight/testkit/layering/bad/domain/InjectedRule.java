package cn.anshan.oversight.testkit.layering.bad.domain;

import cn.anshan.oversight.testkit.layering.bad.service.Enrol;
import jakarta.inject.Inject;

/** Breaks two rules: CDI in the domain, and a domain class calling a use case. */
public class InjectedRule {
  @Inject Enrol enrol;
}
