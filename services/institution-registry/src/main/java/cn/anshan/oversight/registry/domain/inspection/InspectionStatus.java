package cn.anshan.oversight.registry.domain.inspection;

/** Where an inspection stands: scheduled, then completed with its findings. */
public enum InspectionStatus {
  SCHEDULED,
  COMPLETED
}
