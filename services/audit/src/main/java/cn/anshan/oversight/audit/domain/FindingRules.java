package cn.anshan.oversight.audit.domain;

import java.util.List;

/**
 * The cross-stream compliance rules audit checks (issue 7 capability 6; DOMAIN §11 row 23 "gaps in
 * a sequence"). Each names the DOMAIN rule it guards and the event types that prove a breach.
 */
public final class FindingRules {
  private FindingRules() {}

  static final String REGISTRY = "cn.anshan.oversight.registry.";
  static final String ESCROW = "cn.anshan.oversight.escrow.";
  static final String ENROLMENT = "cn.anshan.oversight.enrolment.";
  static final String FEE = "cn.anshan.oversight.fee.";

  /** Kinds of finding; the rule id is the DOMAIN rule broken. */
  public enum Kind {
    /** PLT-11: an aggregate's versions are not contiguous. */
    VERSION_GAP("PLT-11"),
    /** PLT-11: a producer's sequence is not contiguous. */
    SEQUENCE_GAP("PLT-11"),
    /** LST-01 (§11 row 3): prepayment collected while the institution was not WHITE-listed. */
    PREPAYMENT_NOT_WHITELISTED("LST-01"),
    /**
     * REL-01 / REL-04: escrowed money released for a lesson whose consumption was not confirmed.
     */
    RELEASE_WITHOUT_CONSUMPTION("REL-01"),
    /** LN-ASV-06 (§11 row 19): an after-school charge without a published fee standard. */
    CHARGE_WITHOUT_PUBLISHED_FEE("LN-ASV-06"),
    /** ASV-06 (§11 row 18): a provider still admitted after its institution was black-listed. */
    PROVIDER_SERVING_AFTER_BLACKLIST("ASV-06"),
    /** TIM-01: a subject-type session scheduled on a rest day or statutory holiday. */
    SUBJECT_SESSION_ON_HOLIDAY("TIM-01"),
    /**
     * PLT-11: a record carried a stored event's id with other content (a forgery or a producer
     * bug); the stored event stays, the record is kept aside.
     */
    EVENT_ID_CONFLICT("PLT-11"),
    /**
     * PLT-11: the stored log no longer extends the last signed checkpoint (a rewritten leaf, node
     * or checkpoint); nothing is signed until an operator has looked.
     */
    LOG_NOT_EXTENDED("PLT-11");

    private final String ruleId;

    Kind(String ruleId) {
      this.ruleId = ruleId;
    }

    public String ruleId() {
      return ruleId;
    }
  }

  /** Events that set an institution's list standing (their data carries listStatus). */
  public static final List<String> STANDING =
      List.of(
          REGISTRY + "InstitutionWhitelisted.v1",
          REGISTRY + "InstitutionBlacklisted.v1",
          REGISTRY + "InstitutionDelisted.v1");

  public static final String BLACKLISTED = REGISTRY + "InstitutionBlacklisted.v1";
  public static final String PAYMENT_RECEIVED = ESCROW + "PaymentReceivedIntoEscrow.v1";
  public static final String FUNDS_RELEASED = ESCROW + "FundsReleased.v1";
  public static final List<String> CONSUMPTION_CONFIRMED =
      List.of(ESCROW + "ConsumptionConfirmed.v1", ESCROW + "ConsumptionAutoConfirmed.v1");

  /** v2 says only whether the child is exempt (issue 18 item 7); v1 events stay in the store. */
  public static final String[] CHARGE_ISSUED = {
    ENROLMENT + "AsvChargeIssued.v1", ENROLMENT + "AsvChargeIssued.v2"
  };

  public static final String FEE_PUBLISHED = FEE + "FeePublished.v1";
  public static final String PROVIDER_ADMITTED = ENROLMENT + "ProviderAdmitted.v1";
  public static final String PROVIDER_EXITED = ENROLMENT + "ProviderExited.v1";
  public static final String SESSION_SCHEDULED = REGISTRY + "SessionScheduled.v1";
}
