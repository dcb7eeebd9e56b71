package cn.anshan.oversight.registry.domain.inspection;

/** INS-01 periodic full coverage, INS-02 random sample (双随机一公开). */
public enum InspectionType {
  FULL_COVERAGE,
  RANDOM_SAMPLE
}
