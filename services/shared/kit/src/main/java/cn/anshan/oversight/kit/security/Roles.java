package cn.anshan.oversight.kit.security;

/** Realm roles of {@code deploy/keycloak/oversight-realm.json} (DESIGN §4). */
public final class Roles {
  public static final String REGULATOR = "regulator";
  public static final String PRICING_OFFICER = "pricing-officer";
  public static final String CITY_GOVERNMENT = "city-government";
  public static final String INSTITUTION_OPERATOR = "institution-operator";
  public static final String SCHOOL_ADMIN = "school-admin";
  public static final String PARENT = "parent";
  public static final String CUSTODY_BANK = "custody-bank";
  public static final String AUDITOR = "auditor";

  /**
   * A sector department (REG-02, PLT-05: sports, culture-tourism, science-technology bureau) of a
   * district: co-approves and co-supervises the non-subject institutions of its sector (claim
   * {@code sector}).
   */
  public static final String SECTOR_DEPARTMENT = "sector-department";

  /** Runs audit maintenance (projection rebuilds); reads nothing: auditors only read (issue 16). */
  public static final String AUDIT_OPERATOR = "audit-operator";

  /**
   * Runs the platform: sees and replays what consumers parked (issue 15 item 1), never payloads;
   * reads no business data.
   */
  public static final String PLATFORM_OPERATOR = "platform-operator";

  private Roles() {}
}
