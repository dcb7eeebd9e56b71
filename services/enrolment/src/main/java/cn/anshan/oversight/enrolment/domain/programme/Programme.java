package cn.anshan.oversight.enrolment.domain.programme;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A school's after-school (or custody) plan for one term ("一校一案", §11 rows 16 and 21), published
 * once it keeps the "5+2" and scope rules. Term dates bound every enrolment and charge.
 */
@Entity
@Table(name = "programme")
public class Programme implements Aggregate {
  public static final String AGGREGATE_TYPE = "Programme";

  @Id private UUID id;
  private long version;

  private String schoolId;

  private String district;

  @Enumerated(EnumType.STRING)
  @Column(name = "programme_type")
  private ProgrammeType type;

  private String termId;

  private LocalDate termStart;

  private LocalDate termEnd;

  @Convert(converter = DaysConverter.class)
  private Set<DayOfWeek> days;

  private LocalTime dailyStart;

  private LocalTime dailyEnd;

  @Convert(converter = GradesConverter.class)
  private List<Integer> grades;

  @Convert(converter = ActivitiesConverter.class)
  private List<Activity> activities;

  @Enumerated(EnumType.STRING)
  private Billing billing;

  private String publishedBy;

  private Instant publishedAt;

  private Instant changedAt;

  private Instant contentAgreedAt;

  protected Programme() {}

  public Programme(
      String schoolId, String district, ProgrammeForm form, String admin, Instant now) {
    this.id = UUID.randomUUID();
    this.schoolId = schoolId;
    this.district = district;
    this.type = form.type();
    this.termId = form.termId();
    this.termStart = form.termStart();
    this.termEnd = form.termEnd();
    apply(form);
    this.publishedBy = admin;
    this.publishedAt = now;
  }

  /**
   * ASV-01/02, LN-ASV-02: a school publishes its programme of one type for a term, given how many
   * it already has for them (one; later changes are revisions); the programme with its event.
   */
  public static Decision<Programme> publish(
      String schoolId,
      String district,
      ProgrammeForm form,
      long existingPlans,
      AsvLimits limits,
      String admin,
      Instant now) {
    ProgrammeRules.require(form, limits);
    if (existingPlans > 0) {
      throw ProblemException.conflict(
          "programme-exists",
          "the school already has a "
              + form.type()
              + " programme for term "
              + form.termId()
              + "; revise it instead");
    }
    Programme programme = new Programme(schoolId, district, form, admin, now);
    return Decision.of(programme, ProgrammeEvents.programmePublished(programme));
  }

  /**
   * What a revision changed: whether the content is new (the agreement to it is void), its event.
   */
  public record Revision(boolean newContent, PendingEvent event) {}

  /**
   * A revision keeps school, term and type; only the timetable and content change, under the same
   * rules. New activities are new content, which the parent committee has not agreed (LN-ASV-01).
   */
  public Revision revise(ProgrammeForm form, AsvLimits limits, Instant now) {
    requireSameTypeAndTerm(form);
    ProgrammeRules.require(form, limits);
    boolean newContent = !activities.equals(form.activities());
    apply(form);
    this.changedAt = now;
    if (newContent) {
      this.contentAgreedAt = null;
    }
    return new Revision(newContent, ProgrammeEvents.programmeChanged(this));
  }

  private void requireSameTypeAndTerm(ProgrammeForm form) {
    List<FieldError> fixed = new ArrayList<>();
    if (form.type() != type) {
      fixed.add(new FieldError("/type", "a revision keeps the programme type"));
    }
    if (!form.termId().equals(termId)
        || !form.termStart().equals(termStart)
        || !form.termEnd().equals(termEnd)) {
      fixed.add(new FieldError("/termId", "a revision keeps the term and its dates"));
    }
    if (!fixed.isEmpty()) {
      throw new ProblemException(Problem.ofFields(fixed));
    }
  }

  /**
   * LN-ASV-01: a representative agrees to the current content. A counted vote is endorsed (its
   * event); a repeated one changes nothing, unless the committee shrank since and the content is
   * agreed now.
   */
  public Optional<PendingEvent> contentVoted(ContentAgreement.Vote vote, Instant now) {
    boolean agreedNow = vote.agreement().agreed() && contentAgreedAt == null;
    if (!vote.counted() && !agreedNow) {
      return Optional.empty();
    }
    return Optional.of(contentEndorsed(vote.agreement(), now));
  }

  /**
   * LN-ASV-01: a representative endorsed the current content; the content is agreed once the
   * agreement carries (later endorsements keep it). Returns the endorsement's event.
   */
  private PendingEvent contentEndorsed(ContentAgreement agreement, Instant now) {
    if (contentAgreedAt == null && agreement.agreed()) {
      this.contentAgreedAt = now;
    }
    return ProgrammeEvents.contentEndorsed(this, agreement, now);
  }

  private void apply(ProgrammeForm form) {
    this.days = form.days();
    this.dailyStart = form.dailyStart();
    this.dailyEnd = form.dailyEnd();
    this.grades = List.copyOf(form.grades());
    this.activities = List.copyOf(form.activities());
    this.billing = form.billing();
  }

  public boolean servesGrade(int grade) {
    return grades.contains(grade);
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

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public ProgrammeType type() {
    return type;
  }

  public String termId() {
    return termId;
  }

  public LocalDate termStart() {
    return termStart;
  }

  public LocalDate termEnd() {
    return termEnd;
  }

  public Set<DayOfWeek> days() {
    return days;
  }

  public LocalTime dailyStart() {
    return dailyStart;
  }

  public LocalTime dailyEnd() {
    return dailyEnd;
  }

  public List<Integer> grades() {
    return grades;
  }

  public List<Activity> activities() {
    return activities;
  }

  public Billing billing() {
    return billing;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant changedAt() {
    return changedAt;
  }

  /** When the parent committee agreed the current content (LN-ASV-01); null while it has not. */
  public Instant contentAgreedAt() {
    return contentAgreedAt;
  }
}
