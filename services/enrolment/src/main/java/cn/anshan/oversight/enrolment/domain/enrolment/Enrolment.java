package cn.anshan.oversight.enrolment.domain.enrolment;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A child's voluntary enrolment in a programme (ASV-04 (2), ASV-05, §11 row 17): created only by
 * the child's guardian, withdrawn by the guardian at any time with an effective date.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment implements Aggregate {
  public static final String AGGREGATE_TYPE = "Enrolment";
  public static final String VOLUNTARY = "ASV-05";
  public static final String NO_COMPULSION = "ASV-04";

  @Id private UUID id;
  private long version;

  private UUID childId;

  private String guardianSub;

  private UUID programmeId;

  private String schoolId;

  private String district;

  private String termId;

  private String options;

  @Enumerated(EnumType.STRING)
  private EnrolmentStatus status;

  private LocalDate startDate;

  private LocalDate withdrawalEffective;

  private Instant submittedAt;

  private Instant withdrawnAt;

  protected Enrolment() {}

  public Enrolment(
      UUID childId,
      String guardianSub,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      String options,
      LocalDate startDate,
      Instant now) {
    this.id = UUID.randomUUID();
    this.childId = childId;
    this.guardianSub = guardianSub;
    this.programmeId = programmeId;
    this.schoolId = schoolId;
    this.district = district;
    this.termId = termId;
    this.options = options;
    this.startDate = startDate;
    this.status = EnrolmentStatus.ENROLLED;
    this.submittedAt = now;
  }

  /**
   * ASV-04 (2): leaving is always possible, from today on; service ends the day before {@code
   * effective}. Returns the enrolment's AsvWithdrawn event.
   */
  public PendingEvent withdraw(LocalDate effective, LocalDate today, Instant now) {
    if (status != EnrolmentStatus.ENROLLED) {
      throw ProblemException.conflict("enrolment-withdrawn", "the enrolment is already withdrawn");
    }
    if (effective.isBefore(today)) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError("/effectiveDate", "may not lie before today"))));
    }
    this.status = EnrolmentStatus.WITHDRAWN;
    this.withdrawalEffective = effective;
    this.withdrawnAt = now;
    return EnrolmentEvents.withdrawn(this);
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

  public UUID childId() {
    return childId;
  }

  public String guardianSub() {
    return guardianSub;
  }

  public UUID programmeId() {
    return programmeId;
  }

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public String termId() {
    return termId;
  }

  public String options() {
    return options;
  }

  public EnrolmentStatus status() {
    return status;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate withdrawalEffective() {
    return withdrawalEffective;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant withdrawnAt() {
    return withdrawnAt;
  }
}
