package cn.anshan.oversight.registry.domain;

/** What the sector department said about a non-subject application (REG-02, REG-08). */
public enum SectorOpinion {
  CONCURRED,
  DISSENTED
}
