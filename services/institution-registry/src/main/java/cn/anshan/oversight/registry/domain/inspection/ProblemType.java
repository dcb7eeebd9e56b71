package cn.anshan.oversight.registry.domain.inspection;

/** INS-01: the four problem types full-coverage inspections look for. */
public enum ProblemType {
  SAFETY_HAZARD,
  INCOMPLETE_LICENCES,
  CHAOTIC_MANAGEMENT,
  CONSUMER_RIGHTS
}
