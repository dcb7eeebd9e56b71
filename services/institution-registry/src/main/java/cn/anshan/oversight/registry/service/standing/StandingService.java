package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.registry.config.StandingSettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.standing.LegalRegistration;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.domain.standing.RegistrationType;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.standing.LicenceRepository;
import cn.anshan.oversight.registry.repository.standing.RegistrationRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import cn.anshan.oversight.registry.service.InstitutionScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The legal registration an institution files (REG-06/REG-07), its standing as the regulator reads
 * it, and the daily licence and registration watch (REG-05). Licences are {@link LicenceService}'s,
 * sanctions {@link SanctionService}'s; each change re-assesses the standing and publishes a list
 * event when the list status moves ({@link StandingAssessment}).
 */
@ApplicationScoped
public class StandingService {
  private final InstitutionGate gate;
  private final InstitutionRepository institutions;
  private final LicenceRepository licences;
  private final RegistrationRepository registrations;
  private final Outbox outbox;
  private final OversightClock clock;
  private final StandingSettings settings;
  private final StandingAssessment assessment;

  public StandingService(
      InstitutionGate gate,
      InstitutionRepository institutions,
      LicenceRepository licences,
      RegistrationRepository registrations,
      Outbox outbox,
      OversightClock clock,
      StandingSettings settings,
      StandingAssessment assessment) {
    this.gate = gate;
    this.institutions = institutions;
    this.licences = licences;
    this.registrations = registrations;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    this.assessment = assessment;
  }

  /** The operator files the institution's legal registration (REG-06/REG-07). */
  @WithTransaction
  public Uni<StandingView> fileRegistration(
      CommandContext command,
      String institutionId,
      IfMatch ifMatch,
      RegistrationType type,
      String creditCode,
      LocalDate validTo) {
    if (!institutionId.equals(command.actor().institutionId())) {
      throw ProblemException.notFound("institution " + institutionId);
    }
    return gate.approved(institutionId)
        .invoke(
            institution -> {
              ifMatch.require(institution.version());
              LegalRegistration.requireFileable(
                  institution.category(), type, validTo, clock.today());
            })
        .chain(
            institution ->
                registrations
                    .findById(institutionId)
                    .map(found -> found != null ? found : new LegalRegistration(institutionId))
                    .chain(
                        registration ->
                            file(command, institution, registration, type, creditCode, validTo)));
  }

  private Uni<StandingView> file(
      CommandContext command,
      Institution institution,
      LegalRegistration registration,
      RegistrationType type,
      String creditCode,
      LocalDate validTo) {
    PendingEvent filed =
        registration.file(
            institution, type, creditCode, validTo, command.actor().subject(), clock.now());
    return registrations
        .persist(registration)
        .call(() -> outbox.append(command, institution.record(filed)))
        .chain(() -> assessment.reassess(command, institution));
  }

  /** Within {@link InstitutionScope} (a co-supervising sector department too); else 404. */
  @WithSession
  public Uni<StandingView> standing(Actor actor, String institutionId) {
    return gate.approved(institutionId)
        .chain(
            institution ->
                assessment.current(InstitutionScope.visible(actor, institution, institutionId)));
  }

  /**
   * The daily watch: announces licences ending within the warning lead time, expires licences past
   * their end date, and reports registrations that did not follow a licence change (REG-05).
   * Returns how many institutions it acted on.
   */
  @WithTransaction
  public Uni<Integer> watch() {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("registry.licence-and-registration", this::watchOnThisReplica);
  }

  private Uni<Integer> watchOnThisReplica() {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("institution-registry"), "watch-" + today, "watch-" + UUID.randomUUID());
    return licencesEnding(system, today)
        .chain(
            licencesActedOn -> registrationsOverdue(system, today).map(n -> licencesActedOn + n));
  }

  /** Licences ending within the warning lead time are announced once; ended ones expire. */
  private Uni<Integer> licencesEnding(CommandContext system, LocalDate today) {
    return licences
        .issuedEndingBy(today.plusDays(settings.licenceWarningDays()), settings.watchBatchSize())
        .chain(ending -> OneAtATime.sum(ending, licence -> licenceEnding(system, licence, today)));
  }

  private Uni<Integer> licenceEnding(
      CommandContext system, OperatingLicence licence, LocalDate today) {
    return institutions
        .findById(licence.institutionId())
        .chain(institution -> licenceDue(system, institution, licence, today));
  }

  /** REG-05: a registration that did not follow a licence change in time. */
  private Uni<Integer> registrationsOverdue(CommandContext system, LocalDate today) {
    return institutions
        .registrationOverdue(today, settings.watchBatchSize())
        .chain(
            overdue ->
                OneAtATime.sum(overdue, institution -> registrationOverdue(system, institution)));
  }

  private Uni<Integer> registrationOverdue(CommandContext system, Institution institution) {
    return outbox
        .append(system, institution.record(institution.registrationOverdue()))
        .chain(() -> assessment.reassess(system, institution))
        .replaceWith(1);
  }

  private Uni<Integer> licenceDue(
      CommandContext system, Institution institution, OperatingLicence licence, LocalDate today) {
    return licence
        .reviewOn(institution, today)
        .map(
            review ->
                outbox
                    .append(system, institution.record(review.event()))
                    .call(
                        () ->
                            review.expired()
                                ? assessment.reassess(system, institution)
                                : Uni.createFrom().voidItem())
                    .replaceWith(1))
        .orElseGet(() -> Uni.createFrom().item(0));
  }
}
