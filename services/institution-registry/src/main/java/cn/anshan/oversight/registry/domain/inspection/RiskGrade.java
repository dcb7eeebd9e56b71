package cn.anshan.oversight.registry.domain.inspection;

/** INS-02 risk grades; D is the riskiest and is sampled most often. */
public enum RiskGrade {
  A,
  B,
  C,
  D
}
