package cn.anshan.oversight.registry.domain.staff;

/**
 * How many of an institution's active staff a regulator has verified, has not checked yet, or found
 * to break STF-01/STF-02 (issue 18 item 3). Counts only: the public sees no person.
 */
public record QualificationCounts(long verified, long unverified, long refuted) {
  public static final QualificationCounts NONE = new QualificationCounts(0, 0, 0);

  public QualificationCounts plus(QualificationCounts other) {
    return new QualificationCounts(
        verified + other.verified, unverified + other.unverified, refuted + other.refuted);
  }
}
