package cn.anshan.oversight.enrolment.domain.programme;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A school's after-school programme: published, changed, its content endorsed by the parent
 * committee (LN-ASV-01). The programme's transitions build theirs here and return them; the
 * aggregate numbers each where the command appends it (its {@code record}).
 */
public final class ProgrammeEvents {
  private ProgrammeEvents() {}

  public record ProgrammeData(
      UUID programmeId,
      String schoolId,
      String district,
      String programmeType,
      String termId,
      LocalDate termStart,
      LocalDate termEnd,
      List<DayOfWeek> days,
      LocalTime dailyStart,
      LocalTime dailyEnd,
      List<Integer> grades,
      List<Activity> activities,
      String billing,
      Instant publishedAt,
      Instant changedAt) {}

  /** One representative (the envelope's actor) agreed to the programme's content (LN-ASV-01). */
  public record ProgrammeContentEndorsed(
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      int endorsements,
      int needed,
      boolean agreed,
      Instant agreedAt,
      Instant endorsedAt) {}

  static PendingEvent contentEndorsed(Programme p, ContentAgreement agreement, Instant endorsedAt) {
    return new PendingEvent(
        Programme.AGGREGATE_TYPE,
        p.id().toString(),
        "ProgrammeContentEndorsed.v1",
        p.district(),
        new ProgrammeContentEndorsed(
            p.id(),
            p.schoolId(),
            p.district(),
            p.termId(),
            agreement.endorsements(),
            agreement.needed(),
            p.contentAgreedAt() != null,
            p.contentAgreedAt(),
            endorsedAt));
  }

  static PendingEvent programmePublished(Programme p) {
    return programme(p, "AsvProgrammePublished.v1");
  }

  static PendingEvent programmeChanged(Programme p) {
    return programme(p, "AsvProgrammeChanged.v1");
  }

  private static PendingEvent programme(Programme p, String name) {
    return new PendingEvent(
        Programme.AGGREGATE_TYPE,
        p.id().toString(),
        name,
        p.district(),
        new ProgrammeData(
            p.id(),
            p.schoolId(),
            p.district(),
            p.type().name(),
            p.termId(),
            p.termStart(),
            p.termEnd(),
            p.days().stream().sorted().toList(),
            p.dailyStart(),
            p.dailyEnd(),
            p.grades(),
            p.activities(),
            p.billing().name(),
            p.publishedAt(),
            p.changedAt()));
  }
}
