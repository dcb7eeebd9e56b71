package cn.anshan.oversight.registry.config.course;

import cn.anshan.oversight.registry.domain.course.ScheduleLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.util.List;

/** Tunable time rules of courses and sessions (DOMAIN.md §5 and §10 schedule.*). */
@ConfigMapping(prefix = "oversight.registry.schedule")
public interface ScheduleSettings {
  Offline offline();

  Online online();

  School school();

  /**
   * REG-12 (draft, not in force): sessions of a course are scheduled only once it has filed a
   * teaching material with the approver. Off until the rule is in force or the city asks for it.
   */
  @WithDefault("false")
  boolean materialsRequired();

  interface Offline {
    /** TIM-03 {@code schedule.offline.latestEnd}: offline training ends no later than this. */
    @WithDefault("20:30")
    LocalTime latestEnd();
  }

  interface Online {
    /** TIM-02 {@code schedule.online.latestEnd}. */
    @WithDefault("21:00")
    LocalTime latestEnd();

    /** TIM-02 {@code schedule.online.maxLessonMinutes}: longest online class hour. */
    @WithDefault("30")
    int maxLessonMinutes();

    /** TIM-02 {@code schedule.online.minBreakMinutes}: shortest break between sessions. */
    @WithDefault("10")
    int minBreakMinutes();
  }

  interface School {
    /**
     * TIM-04: start of the school teaching day. LOCAL ASSUMPTION: Anshan's school hours were not
     * found; 08:00 is a typical primary-school start.
     */
    @WithDefault("08:00")
    LocalTime dayStart();

    /** TIM-04: end of the school teaching day. LOCAL ASSUMPTION, as {@link #dayStart()}. */
    @WithDefault("16:30")
    LocalTime dayEnd();

    /**
     * TIM-01 {@code schedule.subject.forbiddenDays}: years whose vacation file is loaded; a session
     * in another year is refused rather than guessed. 2027 is an assumption until the city
     * publishes its calendar (the file says so).
     */
    @WithDefault("2026,2027")
    List<Integer> vacationYears();

    /** Classpath resource of one year's vacations; {@code %d} is the year. */
    @WithDefault("calendar/school-vacations-%d.json")
    String vacationResource();
  }

  default ScheduleLimits limits() {
    return new ScheduleLimits(
        offline().latestEnd(),
        online().latestEnd(),
        online().maxLessonMinutes(),
        online().minBreakMinutes(),
        school().dayStart(),
        school().dayEnd(),
        materialsRequired());
  }
}
