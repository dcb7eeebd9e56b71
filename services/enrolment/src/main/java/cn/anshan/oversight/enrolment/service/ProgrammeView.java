package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.programme.Activity;
import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published programme, as every reader sees it (it is a public notice, LN-ASV-01). */
public record ProgrammeView(
    UUID programmeId,
    long version,
    String schoolId,
    String district,
    ProgrammeType type,
    String termId,
    LocalDate termStart,
    LocalDate termEnd,
    List<DayOfWeek> days,
    LocalTime dailyStart,
    LocalTime dailyEnd,
    List<Integer> grades,
    List<Activity> activities,
    Billing billing,
    Instant publishedAt,
    Instant changedAt,
    @Schema(
            description =
                "LN-ASV-01: when the school's parent committee agreed the current content; null"
                    + " while it has not, and families cannot enrol yet")
        Instant contentAgreedAt) {

  public static ProgrammeView of(Programme p) {
    return new ProgrammeView(
        p.id(),
        p.version(),
        p.schoolId(),
        p.district(),
        p.type(),
        p.termId(),
        p.termStart(),
        p.termEnd(),
        p.days().stream().sorted().toList(),
        p.dailyStart(),
        p.dailyEnd(),
        p.grades(),
        p.activities(),
        p.billing(),
        p.publishedAt(),
        p.changedAt(),
        p.contentAgreedAt());
  }
}
