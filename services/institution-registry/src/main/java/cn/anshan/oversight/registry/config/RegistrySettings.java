package cn.anshan.oversight.registry.config;

import cn.anshan.oversight.registry.domain.ApplicationStandard;
import cn.anshan.oversight.registry.domain.NonSubjectApproval;
import cn.anshan.oversight.registry.domain.PremisesStandard;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Tunable registry rules (DOMAIN.md §10). */
@ConfigMapping(prefix = "oversight.registry")
public interface RegistrySettings {
  Premises premises();

  Application application();

  /**
   * The district claim of the provincial education department's regulators, who approve and
   * supervise online institutions (§11 row 1, REG-12).
   */
  @WithDefault("liaoning")
  String provinceAuthority();

  /** Largest page a list returns. */
  @WithDefault("100")
  int maxPageSize();

  interface Application {
    /**
     * §11 row 1: working days a regulator has to decide on an application before the alert
     * ApplicationDecisionOverdue is published. The statutory limit is UNCONFIRMED; 20 follows the
     * general administrative-licensing deadline (行政许可法 art. 42).
     */
    @WithDefault("20")
    int decisionWorkingDays();

    /**
     * REG-08: minimum start-up capital of a new institution in yuan. Most provinces require 300,000
     * (some 100,000 or 200,000); the Liaoning figure is UNCONFIRMED.
     */
    @WithDefault("300000")
    long minStartUpCapitalYuan();

    /**
     * REG-08: whether the sector department of REG-02 must concur before a non-subject institution
     * is approved (JOINT) or only gives its opinion (EDUCATION). Which one Liaoning uses is
     * UNCONFIRMED, so the platform's behaviour before issue 18 item 4 is the default.
     */
    @WithDefault("EDUCATION")
    NonSubjectApproval nonSubjectApproval();
  }

  interface Premises {
    /** REG-10 {@code premises.minSqmPerStudent}: m² per student in one time slot. */
    @WithDefault("3")
    BigDecimal minSqmPerStudent();

    /** REG-10 minimum building area; LOCAL EXAMPLE (Beijing sci-tech 100 m²), unconfirmed. */
    @WithDefault("100")
    BigDecimal minAreaSqm();
  }

  default PremisesStandard premisesStandard() {
    return new PremisesStandard(premises().minSqmPerStudent(), premises().minAreaSqm());
  }

  default ApplicationStandard applicationStandard() {
    return new ApplicationStandard(
        premisesStandard(),
        application().minStartUpCapitalYuan(),
        application().nonSubjectApproval());
  }
}
