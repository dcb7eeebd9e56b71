package cn.anshan.oversight.registry.domain.inspection;

/** Where a rectification order stands: ordered, verified by the regulator, or overdue. */
public enum RectificationStatus {
  ORDERED,
  VERIFIED,
  OVERDUE
}
