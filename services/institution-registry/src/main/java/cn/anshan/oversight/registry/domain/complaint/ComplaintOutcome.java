package cn.anshan.oversight.registry.domain.complaint;

/** How the supervising regulator closes a complaint. */
public enum ComplaintOutcome {
  UPHELD,
  PARTLY_UPHELD,
  NOT_UPHELD,
  WITHDRAWN
}
