package cn.anshan.oversight.registry.domain.staff;

/**
 * How many of an institution's active staff a regulator has verified, has not checked yet, or found
 * to break STF-01/STF-02 (issue 18 item 3). Counts only: the public sees no person.
 */
public record StaffQualifications(long verified, long unverified, long refuted) {
  public static final StaffQualifications NONE = new StaffQualifications(0, 0, 0);

  public StaffQualifications plus(StaffQualifications other) {
    return new StaffQualifications(
        verified + other.verified, unverified + other.unverified, refuted + other.refuted);
  }
}
