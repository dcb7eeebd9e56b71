package cn.anshan.oversight.registry.domain.complaint;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A parent's complaint about an approved institution (PLT-03), answered by the institution (PLT-04)
 * and closed by the supervising regulator. The free texts never leave the registry.
 */
@Entity
@Table(name = "complaint")
public class Complaint implements Aggregate {
  public static final String AGGREGATE_TYPE = "Complaint";

  @Id private UUID id;
  private long version;

  private String institutionId;

  private String district;

  @Enumerated(EnumType.STRING)
  private ComplaintCategory category;

  private String description;

  private String operatorName;

  private String operatorAddress;

  @Enumerated(EnumType.STRING)
  private Agency routedTo;

  @Enumerated(EnumType.STRING)
  private ComplaintStatus status;

  private String filedBy;

  private Instant filedAt;

  private LocalDate answerDueBy;

  private String answer;

  private String answeredBy;

  private Instant answeredAt;

  private Instant overdueReportedAt;

  @Enumerated(EnumType.STRING)
  private ComplaintOutcome outcome;

  private String closingNote;

  private String closedBy;

  private Instant closedAt;

  protected Complaint() {}

  Complaint(
      String institutionId,
      String district,
      ComplaintCategory category,
      String description,
      String parent,
      Instant now,
      LocalDate answerDueBy) {
    this.id = UUID.randomUUID();
    this.institutionId = institutionId;
    this.district = district;
    this.category = category;
    this.description = description;
    this.routedTo = ComplaintRules.routeFor(category).orElse(null);
    this.status = ComplaintStatus.FILED;
    this.filedBy = parent;
    this.filedAt = now;
    this.answerDueBy = answerDueBy;
  }

  /**
   * PLT-03: a parent's complaint about an approved institution of {@code district}, routed by its
   * category, to be answered within {@code answerPeriod} of the business date of filing ({@code
   * filedOn}, PLT-04); with its ComplaintFiled event.
   */
  public static Decision<Complaint> file(
      String institutionId,
      String district,
      ComplaintCategory category,
      String description,
      String parent,
      Instant now,
      LocalDate filedOn,
      AnswerPeriod answerPeriod) {
    LocalDate answerDueBy = ComplaintRules.answerDueBy(answerPeriod, filedOn);
    Complaint complaint =
        new Complaint(institutionId, district, category, description, parent, now, answerDueBy);
    return Decision.of(complaint, ComplaintEvents.filed(complaint));
  }

  /**
   * A complaint about an operator the registry does not know (issue 18 item 1): nobody is due to
   * answer it; the regulator of the district it names deals with it. With its ComplaintFiled event.
   */
  public static Decision<Complaint> aboutUnlistedOperator(
      String operatorName,
      String operatorAddress,
      String district,
      ComplaintCategory category,
      String description,
      String parent,
      Instant now) {
    Complaint complaint = new Complaint(null, district, category, description, parent, now, null);
    complaint.operatorName = operatorName;
    complaint.operatorAddress = operatorAddress;
    return Decision.of(complaint, ComplaintEvents.filed(complaint));
  }

  /** Whether the complaint names an operator the registry does not know. */
  public boolean aboutUnlistedOperator() {
    return institutionId == null;
  }

  /** PLT-04: the institution answers an open complaint, late or not. */
  public PendingEvent answer(String text, String operator, Instant now) {
    if (status != ComplaintStatus.FILED) {
      throw ProblemException.conflict("complaint-not-open", "the complaint is already " + status);
    }
    answer = text;
    answeredBy = operator;
    answeredAt = now;
    status = ComplaintStatus.ANSWERED;
    return ComplaintEvents.answered(this);
  }

  /** The regulator closes a complaint not yet closed, answered or not. */
  public PendingEvent close(ComplaintOutcome outcome, String note, String regulator, Instant now) {
    if (status == ComplaintStatus.CLOSED) {
      throw ProblemException.conflict("complaint-closed", "the complaint is closed");
    }
    this.outcome = outcome;
    closingNote = note;
    closedBy = regulator;
    closedAt = now;
    status = ComplaintStatus.CLOSED;
    return ComplaintEvents.closed(this);
  }

  /** The SLA watch reports a breach once (PLT-04). */
  public PendingEvent overdueReported(Instant now) {
    overdueReportedAt = now;
    return ComplaintEvents.answerOverdue(this);
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

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public ComplaintCategory category() {
    return category;
  }

  public String operatorName() {
    return operatorName;
  }

  public String operatorAddress() {
    return operatorAddress;
  }

  public String description() {
    return description;
  }

  public Agency routedTo() {
    return routedTo;
  }

  public ComplaintStatus status() {
    return status;
  }

  public String filedBy() {
    return filedBy;
  }

  public Instant filedAt() {
    return filedAt;
  }

  public LocalDate answerDueBy() {
    return answerDueBy;
  }

  public String answer() {
    return answer;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public Instant overdueReportedAt() {
    return overdueReportedAt;
  }

  public ComplaintOutcome outcome() {
    return outcome;
  }

  public String closingNote() {
    return closingNote;
  }

  public Instant closedAt() {
    return closedAt;
  }
}
