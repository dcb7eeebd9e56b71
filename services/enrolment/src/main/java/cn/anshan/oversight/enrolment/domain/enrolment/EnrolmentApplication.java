package cn.anshan.oversight.enrolment.domain.enrolment;

import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.programme.Activity;
import cn.anshan.oversight.enrolment.domain.programme.ContentAgreement;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A guardian's application for a child's place in a programme (ASV-05: voluntary, confirmed at
 * once, no capacity modelled). {@link #decide} is the whole rule: it returns the confirmed
 * enrolment with its events, applied then confirmed, or refuses, naming the rule.
 */
public record EnrolmentApplication(
    String guardian,
    UUID childId,
    UUID programmeId,
    LocalDate requestedStart,
    List<String> options) {

  /**
   * What deciding needs: the guardian's child, the programme, and the child's live enrolments in
   * it.
   */
  public record Facts(Child child, Programme programme, long activeEnrolments) {
    public Facts withActiveEnrolments(long count) {
      return new Facts(child, programme, count);
    }
  }

  /**
   * @param contentAgreementRequired LN-ASV-01 in force: only a programme whose content the parent
   *     committee agreed takes enrolments
   */
  public Decision<Enrolment> decide(
      Facts facts, boolean contentAgreementRequired, LocalDate today, Instant now) {
    Programme programme = facts.programme();
    offeredTo(facts.child(), programme);
    if (contentAgreementRequired && programme.contentAgreedAt() == null) {
      throw ContentAgreement.notAgreed();
    }
    chosenAmongActivities(programme);
    LocalDate start = start(programme, today);
    if (facts.activeEnrolments() > 0) {
      throw ProblemException.conflict(
          "already-enrolled", "the child is already enrolled in this programme");
    }
    Enrolment enrolment =
        new Enrolment(
            childId,
            guardian,
            programmeId,
            programme.schoolId(),
            programme.district(),
            programme.termId(),
            options == null || options.isEmpty() ? null : String.join("\n", options),
            start,
            now);
    return Decision.of(
        enrolment,
        EnrolmentEvents.applicationSubmitted(enrolment),
        EnrolmentEvents.enrolmentConfirmed(enrolment));
  }

  private static void offeredTo(Child child, Programme programme) {
    if (!programme.schoolId().equals(child.schoolId()) || !programme.servesGrade(child.grade())) {
      throw ProblemException.rule(
          Enrolment.VOLUNTARY, "the programme is not offered to this child's school and grade");
    }
  }

  private void chosenAmongActivities(Programme programme) {
    if (options == null) {
      return;
    }
    List<String> offered = programme.activities().stream().map(Activity::name).toList();
    List<String> unknown = options.stream().filter(o -> !offered.contains(o)).toList();
    if (!unknown.isEmpty()) {
      throw ProblemException.rule(
          Enrolment.VOLUNTARY,
          "the family chooses among the programme's activities; not offered: " + unknown);
    }
  }

  /** The requested start, or the later of today and the term's start; inside the term, not past. */
  private LocalDate start(Programme programme, LocalDate today) {
    LocalDate start =
        requestedStart != null
            ? requestedStart
            : (today.isAfter(programme.termStart()) ? today : programme.termStart());
    if (start.isBefore(today)
        || start.isBefore(programme.termStart())
        || start.isAfter(programme.termEnd())) {
      throw new ProblemException(
          Problem.ofFields(
              List.of(
                  new FieldError(
                      "/startDate",
                      "must lie in the term "
                          + programme.termStart()
                          + ".."
                          + programme.termEnd()
                          + " and not before today"))));
    }
    return start;
  }
}
