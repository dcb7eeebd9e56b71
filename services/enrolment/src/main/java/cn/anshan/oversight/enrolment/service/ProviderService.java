package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.provider.ExitReason;
import cn.anshan.oversight.enrolment.domain.provider.FiledCourse;
import cn.anshan.oversight.enrolment.domain.provider.ProviderAdmission;
import cn.anshan.oversight.enrolment.domain.provider.ProviderOffer;
import cn.anshan.oversight.enrolment.domain.provider.ProviderRules;
import cn.anshan.oversight.enrolment.domain.provider.ProviderStanding;
import cn.anshan.oversight.enrolment.messaging.ProviderEvents;
import cn.anshan.oversight.enrolment.repository.BarredStaffFilingRepository;
import cn.anshan.oversight.enrolment.repository.FiledCourseRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.enrolment.repository.ProviderAdmissionRepository;
import cn.anshan.oversight.enrolment.repository.ProviderStandingRepository;
import cn.anshan.oversight.kit.events.CommandContext;
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
        .call(programme -> notYetAdmitted(programmeId, offer.institutionId()))
        .chain(programme -> admitted(command, programme, offer));
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

  private Uni<Void> notYetAdmitted(UUID programmeId, String institutionId) {
    return admissions
        .countActive(programmeId, institutionId)
        .invoke(
            active -> {
              if (active > 0) {
                throw ProblemException.conflict(
                    "provider-admitted", "the institution is already admitted to this programme");
              }
            })
        .replaceWithVoid();
  }

  private Uni<AdmissionView> admitted(
      CommandContext command, Programme programme, ProviderOffer offer) {
    ProviderAdmission admission =
        new ProviderAdmission(
            programme.id(),
            programme.schoolId(),
            programme.district(),
            offer,
            clock.now(),
            clock.today().plusDays(settings.provider().evaluationIntervalDays()));
    return admissions
        .persist(admission)
        .call(
            () ->
                outbox.append(
                    command, admission.record(ProviderEvents.providerAdmitted(admission))))
        .map(saved -> AdmissionView.of(admission));
  }

  /** ASV-06 periodic evaluation; below the configured pass mark the provider exits. */
  @WithTransaction
  public Uni<AdmissionView> evaluate(
      CommandContext command, UUID admissionId, IfMatch ifMatch, String period, int score) {
    Actor admin = command.actor();
    return admissions
        .forUpdate(admissionId)
        .chain(
            admission -> {
              if (admission == null || !admission.schoolId().equals(admin.schoolId())) {
                throw ProblemException.notFound("provider admission " + admissionId);
              }
              ifMatch.require(admission.version());
              int passMark = settings.provider().evaluationPassMark();
              boolean passed = ProviderRules.passes(score, passMark);
              admission.evaluated(
                  period,
                  score,
                  clock.today().plusDays(settings.provider().evaluationIntervalDays()));
              Uni<Void> done =
                  outbox.append(
                      command,
                      admission.record(
                          ProviderEvents.providerEvaluated(admission, passMark, passed)));
              if (!passed) {
                done =
                    done.chain(
                        () -> {
                          admission.exit(ExitReason.EVALUATION_FAILED, clock.now());
                          return outbox.append(
                              command,
                              admission.record(ProviderEvents.providerExited(admission, null)));
                        });
              }
              return done.replaceWith(() -> AdmissionView.of(admission));
            });
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
                    system,
                    overdue,
                    admission -> {
                      admission.overdueReported();
                      return admission.record(ProviderEvents.evaluationOverdue(admission));
                    }));
  }
}
