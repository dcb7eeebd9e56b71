package cn.anshan.oversight.registry.domain;

/**
 * REG-08: who approves non-subject institutions varies by province — the education bureau alone, or
 * jointly with the sector department of REG-02 (the sector department alone is not modelled).
 */
public enum NonSubjectApproval {
  /**
   * The education bureau approves; the sector department's opinion is recorded but not required.
   */
  EDUCATION,
  /** The education bureau approves only once the sector department concurred. */
  JOINT
}
