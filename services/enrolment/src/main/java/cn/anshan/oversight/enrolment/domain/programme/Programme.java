package cn.anshan.oversight.enrolment.domain.programme;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A school's after-school (or custody) plan for one term ("一校一案", §11 rows 16 and 21), published
 * once it keeps the "5+2" and scope rules. Term dates bound every enrolment and charge.
 */
@Entity
@Table(name = "programme")
public class Programme {
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
   * A revision keeps school, term and type; only the timetable and content change. New activities
   * are new content, which the parent committee has not agreed (LN-ASV-01).
   *
   * @return whether the content changed
   */
  public boolean change(ProgrammeForm form, Instant now) {
    boolean newContent = !activities.equals(form.activities());
    apply(form);
    this.changedAt = now;
    if (newContent) {
      this.contentAgreedAt = null;
    }
    return newContent;
  }

  /**
   * LN-ASV-01: the parent committee agreed the current content (once; later agreements keep it).
   */
  public void contentAgreed(ContentAgreement agreement, Instant now) {
    if (contentAgreedAt == null && agreement.agreed()) {
      this.contentAgreedAt = now;
    }
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
