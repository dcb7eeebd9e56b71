package cn.anshan.oversight.escrow.domain.order;

/** Who or what accepted a refund, as its RefundAccepted event and its record name it. */
public enum Acceptance {
  /** CON-06: due by right inside the cooling-off window. */
  COOLING_OFF,
  /** REL-05: the institution accepted. */
  INSTITUTION,
  /** REL-05: the institution stayed silent through its last answer day. */
  INSTITUTION_SILENCE,
  /** §11 row 12: the regulator decided a refused refund for the family. */
  REGULATOR,
  /** REL-09 / CON-08 / LST-01: the institution lost its standing; nobody had to ask. */
  INSTITUTION_LOST_STANDING
}
