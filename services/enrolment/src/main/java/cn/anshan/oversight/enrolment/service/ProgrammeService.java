package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeForm;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeRules;
import cn.anshan.oversight.enrolment.messaging.ProgrammeEvents;
import cn.anshan.oversight.enrolment.repository.ContentEndorsementRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Programmes per school and term ("一校一案", §11 rows 16 and 21): a school admin publishes a plan that
 * keeps "5+2" (ASV-01/02, LN-ASV-02) and the scope rules (ASV-04, ASV-07), and may revise it.
 */
@ApplicationScoped
public class ProgrammeService {
  private final ProgrammeRepository programmes;
  private final ContentEndorsementRepository endorsements;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EnrolmentSettings settings;

  public ProgrammeService(
      ProgrammeRepository programmes,
      ContentEndorsementRepository endorsements,
      Outbox outbox,
      OversightClock clock,
      EnrolmentSettings settings) {
    this.programmes = programmes;
    this.endorsements = endorsements;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  @WithTransaction
  public Uni<ProgrammeView> publish(CommandContext command, ProgrammeForm form) {
    Actor admin = command.actor();
    String school = Scopes.school(admin);
    String district = Scopes.district(admin);
    check(form);
    return programmes
        .countPlans(school, form.termId(), form.type())
        .chain(
            existing -> {
              if (existing > 0) {
                throw ProblemException.conflict(
                    "programme-exists",
                    "the school already has a "
                        + form.type()
                        + " programme for term "
                        + form.termId()
                        + "; revise it instead");
              }
              Programme programme =
                  new Programme(school, district, form, admin.subject(), clock.now());
              return programmes
                  .persist(programme)
                  .call(
                      () ->
                          outbox.append(
                              command,
                              programme.record(ProgrammeEvents.programmePublished(programme))))
                  .map(saved -> ProgrammeView.of(programme));
            });
  }

  /**
   * A revision keeps school, term and type; the new timetable must keep the same rules. New
   * activities void the parent committee's agreement to the old ones (LN-ASV-01).
   */
  @WithTransaction
  public Uni<ProgrammeView> change(
      CommandContext command, UUID programmeId, IfMatch ifMatch, ProgrammeForm form) {
    Actor admin = command.actor();
    return programmes
        .forUpdate(programmeId)
        .chain(
            programme -> {
              if (programme == null || !programme.schoolId().equals(admin.schoolId())) {
                throw ProblemException.notFound("programme " + programmeId);
              }
              ifMatch.require(programme.version());
              List<FieldError> fixed = new ArrayList<>();
              if (form.type() != programme.type()) {
                fixed.add(new FieldError("/type", "a revision keeps the programme type"));
              }
              if (!form.termId().equals(programme.termId())
                  || !form.termStart().equals(programme.termStart())
                  || !form.termEnd().equals(programme.termEnd())) {
                fixed.add(new FieldError("/termId", "a revision keeps the term and its dates"));
              }
              if (!fixed.isEmpty()) {
                throw new ProblemException(Problem.ofFields(fixed));
              }
              check(form);
              boolean newContent = programme.change(form, clock.now());
              return (newContent ? endorsements.voidFor(programmeId) : Uni.createFrom().voidItem())
                  .chain(
                      () ->
                          outbox.append(
                              command,
                              programme.record(ProgrammeEvents.programmeChanged(programme))))
                  .map(v -> ProgrammeView.of(programme));
            });
  }

  @WithSession
  public Uni<ProgrammeView> get(Actor actor, UUID programmeId) {
    return programmes
        .findById(programmeId)
        .map(
            programme ->
                ProblemException.requireFound(
                    programme, "programme " + programmeId, found -> visible(actor, found)))
        .map(programme -> ProgrammeView.of(programme));
  }

  /** Parents and auditors see every programme (a public notice); admins their school. */
  @WithSession
  public Uni<Page<ProgrammeView>> list(Actor actor, String schoolId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    String school = schoolId;
    String district = null;
    if (actor.role().equals(Roles.SCHOOL_ADMIN)) {
      school = Scopes.school(actor);
    } else if (actor.role().equals(Roles.REGULATOR)) {
      district = Scopes.district(actor);
    }
    return programmes
        .page(school, district, after.instant(), Page.afterId(after), size + 1)
        .map(rows -> Page.of(rows, size, ProgrammeView::of, Programme::publishedAt, Programme::id));
  }

  static boolean visible(Actor actor, Programme programme) {
    return switch (actor.role()) {
      case Roles.PARENT, Roles.AUDITOR -> true;
      default -> Scopes.sees(actor, null, programme.schoolId(), programme.district());
    };
  }

  private void check(ProgrammeForm form) {
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
    List<RuleViolation> violations = ProgrammeRules.violations(form, settings.asv().limits());
    if (!violations.isEmpty()) {
      throw ProblemException.rules(violations);
    }
  }
}
