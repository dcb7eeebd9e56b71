package cn.anshan.oversight.fee.domain;

/**
 * Where a fee proposal stands (DOMAIN.md §11 row 19, LN-ASV-06): DRAFT → CONSULTED → SUBMITTED
 * (both signatures) → APPROVED → PUBLISHED, with RETURNED by the joint submitters, REJECTED by the
 * city government, and SUPERSEDED when a later revision is published.
 */
public enum FeeStatus {
  DRAFT,
  CONSULTED,
  RETURNED,
  SUBMITTED,
  APPROVED,
  REJECTED,
  PUBLISHED,
  SUPERSEDED;

  /** No further transition is possible. */
  public boolean terminal() {
    return this == REJECTED || this == SUPERSEDED;
  }
}
