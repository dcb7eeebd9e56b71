package cn.anshan.oversight.kit.security;

/**
 * Who acts, in which role, within which scope (DESIGN §4). Built from the verified OIDC identity;
 * the token itself never travels further. {@code bankId} is the custody bank a bank principal acts
 * for (claim {@code bank_id}), {@code sector} the non-subject sector a sector department answers
 * for (claim {@code sector}, REG-02), null for everyone else.
 */
public record Actor(
    String subject,
    String role,
    String district,
    String institutionId,
    String schoolId,
    String bankId,
    String sector) {

  public static final String SYSTEM_ROLE = "system";

  /** The service itself, e.g. a scheduled expiry or a reaction to another service's event. */
  public static Actor system(String service) {
    return new Actor("system:" + service, SYSTEM_ROLE, null, null, null, null, null);
  }

  public boolean inDistrict(String district) {
    return this.district != null && this.district.equals(district);
  }

  /** REG-02: a sector department of the district co-supervises its sector's institutions there. */
  public boolean coSupervises(String sector, String district) {
    return Roles.SECTOR_DEPARTMENT.equals(role)
        && this.sector != null
        && this.sector.equals(sector)
        && inDistrict(district);
  }

  /**
   * The object scope of DESIGN §4 for things that belong to an institution: auditors read
   * everything, regulators their district, operators their own institution, nobody else.
   */
  public boolean oversees(String institutionId, String district) {
    return switch (role) {
      case Roles.AUDITOR -> true;
      case Roles.REGULATOR -> inDistrict(district);
      case Roles.INSTITUTION_OPERATOR ->
          institutionId != null && institutionId.equals(this.institutionId);
      default -> false;
    };
  }
}
