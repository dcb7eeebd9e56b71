package cn.anshan.oversight.registry.domain.unlicensed;

/** How the regulator came to know of an operator (issue 18 item 1). */
public enum Discovery {
  COMPLAINT,
  INSPECTION,
  AD_REPORT,
  PATROL;

  /** Everything but a patrol points at a record: the complaint, inspection or report. */
  public boolean needsReference() {
    return this != PATROL;
  }
}
