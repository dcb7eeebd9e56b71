package cn.anshan.oversight.registry.domain.inspection;

/**
 * Of what an institution declared and a regulator is to check (staff qualifications and in-service
 * status, course classifications; issue 18 item 3), how many are still unchecked and how many a
 * check found false.
 */
public record DeclarationChecks(long unverified, long refuted) {
  public static final DeclarationChecks NONE = new DeclarationChecks(0, 0);

  public DeclarationChecks plus(DeclarationChecks other) {
    return new DeclarationChecks(unverified + other.unverified, refuted + other.refuted);
  }
}
