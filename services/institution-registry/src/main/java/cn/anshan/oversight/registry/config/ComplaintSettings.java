package cn.anshan.oversight.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Complaint numbers (PLT-03/PLT-04, DOMAIN.md §11 row 14). */
@ConfigMapping(prefix = "oversight.registry.complaint")
public interface ComplaintSettings {
  /**
   * PLT-04: working days the institution has to answer, counted from the filing date. The official
   * SLA is UNCONFIRMED (DOMAIN.md §12 item 5; no §10 key yet); 5 mirrors REL-05's response window.
   */
  @WithDefault("5")
  int answerWorkingDays();

  /** Overdue complaints the SLA watch reports per run. */
  @WithDefault("200")
  int watchBatchSize();
}
