package cn.anshan.oversight.escrow.domain.risk;

/** Severity of a tripped indicator: YELLOW watch, ORANGE act, RED urgent. */
public enum RiskGrade {
  YELLOW,
  ORANGE,
  RED
}
