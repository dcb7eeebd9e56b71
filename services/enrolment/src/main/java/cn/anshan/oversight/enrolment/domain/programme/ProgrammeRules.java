package cn.anshan.oversight.enrolment.domain.programme;

import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The "5+2" validator and the scope rules of a programme (§11 rows 16 and 21). Plain Java. */
public final class ProgrammeRules {
  public static final String FIVE_PLUS_TWO = "ASV-02";
  public static final String END_NOT_BEFORE_OFF_WORK = "ASV-01";
  public static final String SCOPE = "ASV-04";
  public static final String LATEST_END = "LN-ASV-02";
  public static final String CUSTODY = "ASV-07";

  private static final Set<DayOfWeek> SCHOOL_DAYS =
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private ProgrammeRules() {}

  /**
   * A form a programme may be published or revised with: first its own order (a 400 naming each
   * field), then every rule it breaks in one refusal.
   */
  public static void require(ProgrammeForm form, AsvLimits limits) {
    List<FieldError> errors = new ArrayList<>();
    if (form.termEnd().isBefore(form.termStart())) {
      errors.add(new FieldError("/termEnd", "the term ends before it starts"));
    }
    if (!form.dailyEnd().isAfter(form.dailyStart())) {
      errors.add(new FieldError("/dailyEnd", "the daily service ends before it starts"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.ofFields(errors));
    }
    List<RuleViolation> violations = violations(form, limits);
    ProblemException.requireNone(violations);
  }

  /** Every broken rule of {@code form}; empty when the programme may be published. */
  public static List<RuleViolation> violations(ProgrammeForm form, AsvLimits limits) {
    List<RuleViolation> found = new ArrayList<>();
    if (form.type() == ProgrammeType.AFTER_SCHOOL) {
      fivePlusTwo(form, limits, found);
    } else if (form.type() == ProgrammeType.SATURDAY
        && !form.days().equals(EnumSet.of(DayOfWeek.SATURDAY))) {
      found.add(new RuleViolation(CUSTODY, "a SATURDAY custody programme runs on Saturdays only"));
    }
    for (Activity activity : form.activities()) {
      if (activity.kind().outOfScope()) {
        found.add(
            new RuleViolation(
                SCOPE,
                "'"
                    + activity.name()
                    + "' is "
                    + activity.kind()
                    + ": early arrival, lunch supervision and evening self-study are not"
                    + " after-school service"));
      } else if (activity.kind().teaching()) {
        found.add(
            new RuleViolation(
                form.type() == ProgrammeType.AFTER_SCHOOL ? SCOPE : CUSTODY,
                "'"
                    + activity.name()
                    + "' is "
                    + activity.kind()
                    + ": no new lessons or group tutoring in after-school or custody time"));
      }
    }
    return found;
  }

  private static void fivePlusTwo(ProgrammeForm form, AsvLimits limits, List<RuleViolation> found) {
    checkWeek(form.days(), limits, found);
    checkDay(form, limits, found);
  }

  /** School days only, and enough of them. */
  private static void checkWeek(Set<DayOfWeek> days, AsvLimits limits, List<RuleViolation> found) {
    if (!SCHOOL_DAYS.containsAll(days)) {
      found.add(
          new RuleViolation(
              SCOPE,
              "after-school service runs on school days only; use a SATURDAY, HOLIDAY or SUMMER"
                  + " programme for other days"));
    }
    long schoolDays = days.stream().filter(SCHOOL_DAYS::contains).count();
    if (schoolDays < limits.daysPerWeek()) {
      found.add(
          new RuleViolation(
              FIVE_PLUS_TWO,
              "the service runs "
                  + schoolDays
                  + " school days a week; at least "
                  + limits.daysPerWeek()
                  + " are required"));
    }
  }

  /** Long enough, not over before parents leave work, not later than the grades' latest end. */
  private static void checkDay(ProgrammeForm form, AsvLimits limits, List<RuleViolation> found) {
    Duration daily = Duration.between(form.dailyStart(), form.dailyEnd());
    if (daily.compareTo(Duration.ofHours(limits.minHoursPerDay())) < 0) {
      found.add(
          new RuleViolation(
              FIVE_PLUS_TWO,
              "the daily service lasts "
                  + daily.toMinutes()
                  + " minutes; at least "
                  + limits.minHoursPerDay()
                  + " hours are required"));
    }
    if (form.dailyEnd().isBefore(limits.endNotBefore())) {
      found.add(
          new RuleViolation(
              END_NOT_BEFORE_OFF_WORK,
              "the service ends at "
                  + form.dailyEnd()
                  + ", before the local off-work time "
                  + limits.endNotBefore()));
    }
    Optional<LocalTime> latest = limits.latestEndFor(form.grades());
    if (latest.isPresent() && form.dailyEnd().isAfter(latest.get())) {
      found.add(
          new RuleViolation(
              LATEST_END,
              "the service ends at "
                  + form.dailyEnd()
                  + ", after the latest end "
                  + latest.get()
                  + " for grades "
                  + form.grades()));
    }
  }
}
