package cn.anshan.oversight.enrolment.domain.programme;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** What a school admin proposes as its plan for one term ("一校一案", §11 row 16). */
public record ProgrammeForm(
    ProgrammeType type,
    String termId,
    LocalDate termStart,
    LocalDate termEnd,
    Set<DayOfWeek> days,
    LocalTime dailyStart,
    LocalTime dailyEnd,
    List<Integer> grades,
    List<Activity> activities,
    Billing billing) {}
