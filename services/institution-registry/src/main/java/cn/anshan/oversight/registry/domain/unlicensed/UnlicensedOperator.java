package cn.anshan.oversight.registry.domain.unlicensed;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An operator that trains without approval (issue 18 item 1): recorded by the regulator of its
 * district, assessed against the ENF-02 test with evidence, sanctioned under ENF-02 or ENF-03. The
 * first sanction puts it on the black list (LST-01), where parents find it by name (PLT-12).
 */
@Entity
@Table(name = "unlicensed_operator")
public class UnlicensedOperator implements Aggregate {
  public static final String AGGREGATE_TYPE = "UnlicensedOperator";

  @Id private UUID id;
  private long version;
  private String name;
  private String district;
  private String address;
  private String onlinePresence;

  @Enumerated(EnumType.STRING)
  private Discovery discoveredThrough;

  private String sourceReference;
  private String recordedBy;
  private Instant recordedAt;
  private Boolean venueOrOnline;
  private String venueEvidence;
  private Integer staffCount;
  private String staffEvidence;
  private Boolean organised;
  private String organisationEvidence;
  private Boolean subjectTraining;
  private String trainingEvidence;

  @Enumerated(EnumType.STRING)
  private OperatorFinding finding;

  private String assessedBy;
  private Instant assessedAt;

  @Enumerated(EnumType.STRING)
  private ListStatus listStatus;

  private Instant blacklistedAt;

  protected UnlicensedOperator() {}

  private UnlicensedOperator(
      String name,
      String district,
      String address,
      String onlinePresence,
      Discovery discoveredThrough,
      String sourceReference,
      String regulator,
      Instant now) {
    if (discoveredThrough.needsReference()
        && (sourceReference == null || sourceReference.isBlank())) {
      throw ProblemException.rule(
          UnlicensedRules.UNLICENSED,
          "an operator found through "
              + discoveredThrough
              + " names that record (sourceReference)");
    }
    this.id = UUID.randomUUID();
    this.name = name;
    this.district = district;
    this.address = address;
    this.onlinePresence = onlinePresence;
    this.discoveredThrough = discoveredThrough;
    this.sourceReference = sourceReference;
    this.recordedBy = regulator;
    this.recordedAt = now;
    this.listStatus = ListStatus.NONE;
  }

  /**
   * ENF-02: the regulator records an operator found in their district; one found through a record
   * names it (sourceReference). With its UnlicensedOperatorRecorded event.
   */
  public static Decision<UnlicensedOperator> found(
      String name,
      String district,
      String address,
      String onlinePresence,
      Discovery discoveredThrough,
      String sourceReference,
      String regulator,
      Instant now) {
    UnlicensedOperator operator =
        new UnlicensedOperator(
            name,
            district,
            address,
            onlinePresence,
            discoveredThrough,
            sourceReference,
            regulator,
            now);
    return Decision.of(operator, UnlicensedOperatorEvents.recorded(operator));
  }

  /**
   * Records (or, until the first sanction, corrects) the test; the finding follows from it. Its
   * UnlicensedOperatorAssessed event.
   */
  public PendingEvent assess(ThreePartTest test, FineBands bands, String regulator, Instant now) {
    if (listStatus == ListStatus.BLACK) {
      throw ProblemException.conflict(
          "operator-sanctioned", "the operator is sanctioned; its assessment is final");
    }
    List<RuleViolation> violations = UnlicensedRules.evidence(test);
    ProblemException.requireNone(violations);
    venueOrOnline = test.venueOrOnline();
    venueEvidence = test.venueEvidence();
    staffCount = test.staffCount();
    staffEvidence = test.staffEvidence();
    organised = test.organised();
    organisationEvidence = test.organisationEvidence();
    subjectTraining = test.subjectTraining();
    trainingEvidence = test.trainingEvidence();
    finding = test.finding(bands.minStaff());
    assessedBy = regulator;
    assessedAt = now;
    return UnlicensedOperatorEvents.assessed(this);
  }

  /** An outcome imposed on the operator, with the event that reports it. */
  public record Sanctioning(OperatorSanction sanction, PendingEvent event) {}

  /** Imposes an ENF-02 / ENF-03 outcome; the first one black-lists the operator (LST-01). */
  public Sanctioning sanction(SanctionOrder order, FineBands bands, String regulator, Instant now) {
    List<RuleViolation> violations = UnlicensedRules.sanction(finding, order, bands);
    ProblemException.requireNone(violations);
    if (listStatus != ListStatus.BLACK) {
      listStatus = ListStatus.BLACK;
      blacklistedAt = now;
    }
    OperatorSanction sanction = new OperatorSanction(id, order, finding.rule(), regulator, now);
    return new Sanctioning(sanction, UnlicensedOperatorEvents.sanctioned(this, sanction));
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String name() {
    return name;
  }

  public String district() {
    return district;
  }

  public String address() {
    return address;
  }

  public String onlinePresence() {
    return onlinePresence;
  }

  public Discovery discoveredThrough() {
    return discoveredThrough;
  }

  public String sourceReference() {
    return sourceReference;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  /** The recorded test; null before the assessment. */
  public ThreePartTest test() {
    if (finding == null) {
      return null;
    }
    return new ThreePartTest(
        venueOrOnline,
        venueEvidence,
        staffCount,
        staffEvidence,
        organised,
        organisationEvidence,
        subjectTraining,
        trainingEvidence);
  }

  public OperatorFinding finding() {
    return finding;
  }

  public Instant assessedAt() {
    return assessedAt;
  }

  public ListStatus listStatus() {
    return listStatus;
  }

  public Instant blacklistedAt() {
    return blacklistedAt;
  }
}
