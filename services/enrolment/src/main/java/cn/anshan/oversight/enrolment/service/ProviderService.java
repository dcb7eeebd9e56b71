package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.provider.FiledCourse;
import cn.anshan.oversight.enrolment.domain.provider.ProviderAdmission;
import cn.anshan.oversight.enrolment.domain.provider.ProviderOffer;
import cn.anshan.oversight.enrolment.domain.provider.ProviderRules;
import cn.anshan.oversight.enrolment.domain.provider.ProviderStanding;
import cn.anshan.oversight.enrolment.repository.BarredStaffFilingRepository;
import cn.anshan.oversight.enrolment.repository.FiledCourseRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.enrolment.repository.ProviderAdmissionRepository;
import cn.anshan.oversight.enrolment.repository.ProviderStandingRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Outside providers (ASV-06, §11 row 18): admitted to a programme only while the registry's events
 * say the institution is white-listed and licensed, evaluated periodically, and exited on a failed
 * evaluation; the exits the registry's events cause are {@link ProviderExits}'.
 */
@ApplicationScoped
public class ProviderService {
  private final ProgrammeRepository programmes;
  private final ProviderAdmissionRepository admissions;
  private final ProviderStandingRepository standings;
  private final FiledCourseRepository courses;
  private final BarredStaffFilingRepository barred;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EnrolmentSettings settings;

  public ProviderService(
      ProgrammeRepository programmes,
      ProviderAdmissionRepository admissions,
      ProviderStandingRepository standings,
      FiledCourseRepository courses,
      BarredStaffFilingRepository barred,
      Outbox outbox,
      OversightClock clock,
      EnrolmentSettings settings) {
    this.programmes = programmes;
    this.admissions = admissions;
    this.standings = standings;
    this.courses = courses;
    this.barred = barred;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * ASV-06: the school admin brings an eligible institution into its programme, for one of its
   * filed courses at no more than the course's filed price per lesson.
   */
  @WithTransaction
  public Uni<AdmissionView> admit(CommandContext command, UUID programmeId, ProviderOffer offer) {
    Actor admin = command.actor();
    return programmes
        .findById(programmeId)
        .invoke(
            programme -> {
              if (programme == null || !programme.schoolId().equals(admin.schoolId())) {
                throw ProblemException.notFound("programme " + programmeId);
              }
            })
        .call(programme -> eligible(offer))
        .chain(programme -> admission(programme, offer))
        .chain(admitted -> outbox.appendNew(command, admitted, admissions::persist))
        .map(AdmissionView::of);
  }

  /** What an offer is decided on: the institution's standing, its barred staff, the course. */
  private record OfferFacts(ProviderStanding standing, long barredStaff, FiledCourse course) {}

  private Uni<OfferFacts> facts(ProviderOffer offer) {
    return standings
        .findById(offer.institutionId())
        .chain(standing -> staffAndCourse(standing, offer));
  }

  private Uni<OfferFacts> staffAndCourse(ProviderStanding standing, ProviderOffer offer) {
    return barred
        .currentlyAt(offer.institutionId())
        .chain(
            count ->
                courses
                    .findById(offer.courseId())
                    .map(course -> new OfferFacts(standing, count, course)));
  }

  private Uni<Void> eligible(ProviderOffer offer) {
    return facts(offer)
        .invoke(
            f ->
                ProviderRules.requireAdmissible(
                    f.standing(), f.barredStaff(), f.course(), offer, clock.today()))
        .replaceWithVoid();
  }

  private Uni<Decision<ProviderAdmission>> admission(Programme programme, ProviderOffer offer) {
    LocalDate dueOn = clock.today().plusDays(settings.provider().evaluationIntervalDays());
    return admissions
        .countActive(programme.id(), offer.institutionId())
        .map(active -> ProviderAdmission.admit(programme, offer, active, clock.now(), dueOn));
  }

  /** ASV-06 periodic evaluation; below the configured pass mark the provider exits. */
  @WithTransaction
  public Uni<AdmissionView> evaluate(
      CommandContext command, UUID admissionId, IfMatch ifMatch, String period, int score) {
    Actor admin = command.actor();
    return admissions
        .forUpdate(admissionId)
        .map(
            found ->
                ProblemException.requireFound(
                    found,
                    "provider admission " + admissionId,
                    a -> a.schoolId().equals(admin.schoolId())))
        .invoke(admission -> ifMatch.require(admission.version()))
        .call(
            admission ->
                outbox.appendEach(
                    command,
                    admission.evaluate(
                        period,
                        score,
                        settings.provider().evaluationPassMark(),
                        clock.today().plusDays(settings.provider().evaluationIntervalDays()),
                        clock.now()),
                    admission::record))
        .map(AdmissionView::of);
  }

  @WithSession
  public Uni<AdmissionView> get(Actor actor, UUID admissionId) {
    return admissions
        .findById(admissionId)
        .map(
            a ->
                ProblemException.requireFound(
                    a,
                    "provider admission " + admissionId,
                    found -> Scopes.sees(actor, null, found.schoolId(), found.district())))
        .map(a -> AdmissionView.of(a));
  }

  /** Providers of a programme; anyone who may read the programme may read them. */
  @WithSession
  public Uni<List<AdmissionView>> ofProgramme(Actor actor, UUID programmeId) {
    return programmes
        .findById(programmeId)
        .map(
            programme ->
                ProblemException.requireFound(
                    programme,
                    "programme " + programmeId,
                    found -> ProgrammeService.visible(actor, found)))
        .chain(programme -> admissions.ofProgramme(programmeId))
        .map(list -> list.stream().map(AdmissionView::of).toList());
  }

  /**
   * §11 row 18 alert "evaluation overdue" (ASV-06): reports each admitted provider whose evaluation
   * due date has passed, once per due date, with the system as actor. Returns how many.
   */
  @WithTransaction
  public Uni<Integer> watch() {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("enrolment.provider-evaluation", this::watchOnThisReplica);
  }

  private Uni<Integer> watchOnThisReplica() {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("enrolment"),
            "evaluation-watch-" + today,
            "evaluation-watch-" + UUID.randomUUID());
    return admissions
        .evaluationOverdue(today, settings.provider().watchBatchSize())
        .chain(
            overdue ->
                outbox.appendEach(
                    system, overdue, admission -> admission.record(admission.overdueReported())));
  }
}
