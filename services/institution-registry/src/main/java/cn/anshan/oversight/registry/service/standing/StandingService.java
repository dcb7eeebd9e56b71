package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.config.StandingSettings;
import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.standing.LegalRegistration;
import cn.anshan.oversight.registry.domain.standing.LicenceStatus;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.domain.standing.RegistrationType;
import cn.anshan.oversight.registry.domain.standing.Sanction;
import cn.anshan.oversight.registry.domain.standing.SanctionType;
import cn.anshan.oversight.registry.domain.standing.Standing;
import cn.anshan.oversight.registry.domain.standing.StandingFacts;
import cn.anshan.oversight.registry.domain.standing.StandingRules;
import cn.anshan.oversight.registry.messaging.StandingEvents;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.standing.LicenceRepository;
import cn.anshan.oversight.registry.repository.standing.RegistrationRepository;
import cn.anshan.oversight.registry.repository.standing.SanctionRepository;
import cn.anshan.oversight.registry.repository.standing.StandingFactsRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import cn.anshan.oversight.registry.service.InstitutionScope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The licence and registration lifecycle, sanctions and the white/black list they derive (REG-05,
 * REG-06, ENF-01, LST-01). Every change re-assesses the standing and publishes a list event when
 * the list status moves.
 */
@ApplicationScoped
public class StandingService {
  private final InstitutionGate gate;
  private final InstitutionRepository institutions;
  private final LicenceRepository licences;
  private final RegistrationRepository registrations;
  private final SanctionRepository sanctions;
  private final StandingFactsRepository standingFacts;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final StandingSettings settings;
  private final RegistrySettings registry;

  public StandingService(
      InstitutionGate gate,
      InstitutionRepository institutions,
      LicenceRepository licences,
      RegistrationRepository registrations,
      SanctionRepository sanctions,
      StandingFactsRepository standingFacts,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      StandingSettings settings,
      RegistrySettings registry) {
    this.gate = gate;
    this.institutions = institutions;
    this.licences = licences;
    this.registrations = registrations;
    this.sanctions = sanctions;
    this.standingFacts = standingFacts;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
    this.registry = registry;
  }

  /** The supervising regulator issues (or re-issues after expiry or revocation) the licence. */
  @WithTransaction
  public Uni<StandingView> issueLicence(
      CommandContext command,
      String institutionId,
      String ifMatch,
      String licenceNo,
      LocalDate validFrom,
      LocalDate validTo) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              Versions.requireIfMatch(ifMatch, institution.version());
              LocalDate today = clock.today();
              List<RuleViolation> violations =
                  StandingRules.licencePeriod(validFrom, validTo, today);
              if (!violations.isEmpty()) {
                throw ProblemException.rules(violations);
              }
              return licences
                  .findById(institutionId)
                  .chain(
                      existing -> {
                        if (existing != null && existing.isValidOn(today)) {
                          throw ProblemException.conflict(
                              "licence-in-force",
                              "licence "
                                  + existing.licenceNo()
                                  + " is in force; change its scope or revoke it");
                        }
                        OperatingLicence licence =
                            existing != null ? existing : new OperatingLicence(institutionId);
                        licence.issue(
                            licenceNo,
                            institution.category(),
                            institution.subCategory(),
                            institution.mode(),
                            validFrom,
                            validTo,
                            command.actor().subject(),
                            clock.now());
                        return licences
                            .persist(licence)
                            .call(
                                () ->
                                    outbox.append(
                                        command,
                                        StandingEvents.licenceIssued(institution, licence)))
                            .chain(() -> reassess(command, institution));
                      });
            });
  }

  /**
   * A scope change (sub-category or mode) of a licence in force. REG-05: the legal registration
   * must follow within the configured working days, or the institution leaves the white list.
   */
  @WithTransaction
  public Uni<StandingView> changeLicenceScope(
      CommandContext command,
      String institutionId,
      String ifMatch,
      SubCategory subCategory,
      Mode mode) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              Versions.requireIfMatch(ifMatch, institution.version());
              return licenceInForce(institutionId)
                  .chain(
                      licence -> {
                        licence.changeScope(subCategory, mode);
                        institution.expectRegistrationBy(
                            calendar.plusWorkingDays(
                                clock.today(), settings.registrationFollowWorkingDays()));
                        return outbox
                            .append(command, StandingEvents.scopeChanged(institution, licence))
                            .chain(() -> reassess(command, institution));
                      });
            });
  }

  @WithTransaction
  public Uni<StandingView> revokeLicence(
      CommandContext command, String institutionId, String ifMatch, String ruleId, String detail) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              Versions.requireIfMatch(ifMatch, institution.version());
              return licences
                  .findById(institutionId)
                  .chain(
                      licence -> {
                        if (licence == null || licence.status() == LicenceStatus.REVOKED) {
                          throw ProblemException.conflict(
                              "no-licence", "there is no licence to revoke");
                        }
                        licence.revoke(ruleId + ": " + detail, clock.now());
                        return outbox
                            .append(
                                command,
                                StandingEvents.revoked(institution, licence, ruleId, detail))
                            .chain(() -> reassess(command, institution));
                      });
            });
  }

  /** The operator files the institution's legal registration (REG-06/REG-07). */
  @WithTransaction
  public Uni<StandingView> fileRegistration(
      CommandContext command,
      String institutionId,
      String ifMatch,
      RegistrationType type,
      String creditCode,
      LocalDate validTo) {
    if (!institutionId.equals(command.actor().institutionId())) {
      throw ProblemException.notFound("institution " + institutionId);
    }
    return gate.approved(institutionId)
        .chain(
            institution -> {
              Versions.requireIfMatch(ifMatch, institution.version());
              List<RuleViolation> violations =
                  StandingRules.registration(institution.category(), type, validTo, clock.today());
              if (!violations.isEmpty()) {
                throw ProblemException.rules(violations);
              }
              return registrations
                  .findById(institutionId)
                  .chain(
                      existing -> {
                        LegalRegistration registration =
                            existing != null ? existing : new LegalRegistration(institutionId);
                        registration.file(
                            type, creditCode, validTo, command.actor().subject(), clock.now());
                        institution.registrationFiled();
                        return registrations
                            .persist(registration)
                            .call(
                                () ->
                                    outbox.append(
                                        command,
                                        StandingEvents.registrationFiled(
                                            institution, type, creditCode, validTo)))
                            .chain(() -> reassess(command, institution));
                      });
            });
  }

  /** ENF-01: the supervising regulator imposes a penalty; stopping orders black-list (LST-01). */
  @WithTransaction
  public Uni<StandingView> imposeSanction(
      CommandContext command,
      String institutionId,
      String ifMatch,
      SanctionType type,
      String ruleId,
      String detail) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              Versions.requireIfMatch(ifMatch, institution.version());
              Sanction sanction =
                  new Sanction(
                      institutionId, type, ruleId, detail, command.actor().subject(), clock.now());
              return sanctions
                  .persist(sanction)
                  .call(
                      () ->
                          outbox.append(
                              command, StandingEvents.sanctionImposed(institution, sanction)))
                  .chain(() -> reassess(command, institution));
            });
  }

  @WithTransaction
  public Uni<StandingView> liftSanction(
      CommandContext command, String institutionId, String ifMatch, UUID sanctionId) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              Versions.requireIfMatch(ifMatch, institution.version());
              return sanctions
                  .findById(sanctionId)
                  .chain(
                      sanction -> {
                        if (sanction == null
                            || !sanction.institutionId().equals(institutionId)
                            || !sanction.inForce()) {
                          throw ProblemException.notFound("sanction in force " + sanctionId);
                        }
                        sanction.lift(command.actor().subject(), clock.now());
                        return outbox
                            .append(command, StandingEvents.sanctionLifted(institution, sanction))
                            .chain(() -> reassess(command, institution));
                      });
            });
  }

  /** Within {@link InstitutionScope} (a co-supervising sector department too); else 404. */
  @WithSession
  public Uni<StandingView> standing(Actor actor, String institutionId) {
    return gate.approved(institutionId)
        .chain(institution -> view(InstitutionScope.visible(actor, institution, institutionId)));
  }

  /**
   * The public register parents consult: only approved institutions, only public facts (no staff,
   * no accounts, no registration numbers).
   */
  @WithSession
  public Uni<PublicInstitutionView> publicView(String institutionId) {
    return standingFacts
        .publicFacts(institutionId)
        .map(
            found -> {
              if (found == null
                  || found.standing().institution().status() != ApplicationStatus.APPROVED) {
                throw ProblemException.notFound("institution " + institutionId);
              }
              StandingFacts facts = found.standing();
              Institution institution = facts.institution();
              Standing standing = assess(institution, facts);
              OperatingLicence licence = facts.licence();
              return new PublicInstitutionView(
                  institution.institutionId(),
                  institution.name(),
                  institution.category(),
                  institution.subCategory(),
                  institution.mode(),
                  institution.district(),
                  standing.listStatus(),
                  standing.operational(),
                  licence == null ? null : licence.status(),
                  licence == null ? null : licence.validTo(),
                  found.staff(),
                  standing.reasons().stream().map(RuleViolation::rule).distinct().toList());
            });
  }

  /**
   * A page of a published list (LST-01). The list status is the one stored at the last change or
   * watch run, so it may trail a licence that ended today by at most one watch interval.
   */
  @WithSession
  public Uni<PublicListPage> publishedList(
      ListStatus listStatus, String district, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 50, registry.maxPageSize());
    return institutions
        .listed(listStatus, district, Keyset.after(cursor).id(), size + 1)
        .map(
            found -> {
              List<PublicListPage.Entry> entries =
                  found.stream()
                      .limit(size)
                      .map(
                          i ->
                              new PublicListPage.Entry(
                                  i.institutionId(),
                                  i.name(),
                                  i.category(),
                                  i.subCategory(),
                                  i.mode(),
                                  i.district(),
                                  i.listStatus()))
                      .toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor("", entries.get(size - 1).institutionId())
                      : null;
              return new PublicListPage(entries, next);
            });
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
    return licences
        .issuedEndingBy(today.plusDays(settings.licenceWarningDays()), settings.watchBatchSize())
        .chain(
            ending ->
                sequentially(
                    ending,
                    licence ->
                        institutions
                            .findById(licence.institutionId())
                            .chain(institution -> licenceDue(system, institution, licence, today))))
        .chain(
            published ->
                institutions
                    .registrationOverdue(today, settings.watchBatchSize())
                    .chain(
                        overdue ->
                            sequentially(
                                overdue,
                                institution ->
                                    outbox
                                        .append(
                                            system,
                                            StandingEvents.registrationOverdue(
                                                institution, institution.registrationDueBy()))
                                        .chain(() -> reassess(system, institution))
                                        .replaceWith(1)))
                    .map(more -> published + more));
  }

  private Uni<Integer> licenceDue(
      CommandContext system, Institution institution, OperatingLicence licence, LocalDate today) {
    if (licence.isExpiredOn(today)) {
      licence.expire();
      return outbox
          .append(system, StandingEvents.expired(institution, licence))
          .chain(() -> reassess(system, institution))
          .replaceWith(1);
    }
    if (licence.validTo().equals(institution.licenceWarnedFor())) {
      return Uni.createFrom().item(0);
    }
    institution.warnedAboutLicenceEnding(licence.validTo());
    long daysLeft = ChronoUnit.DAYS.between(today, licence.validTo());
    return outbox
        .append(system, StandingEvents.expiring(institution, licence, daysLeft))
        .replaceWith(1);
  }

  /** Hibernate Reactive allows one operation at a time per session: no parallel unis. */
  private static <T> Uni<Integer> sequentially(List<T> items, Function<T, Uni<Integer>> step) {
    Uni<Integer> chain = Uni.createFrom().item(0);
    for (T item : items) {
      chain = chain.chain(count -> step.apply(item).map(n -> count + n));
    }
    return chain;
  }

  private Uni<OperatingLicence> licenceInForce(String institutionId) {
    return licences
        .findById(institutionId)
        .map(
            licence -> {
              if (licence == null || !licence.isValidOn(clock.today())) {
                throw ProblemException.conflict(
                    "no-licence-in-force",
                    "institution " + institutionId + " has no licence in force");
              }
              return licence;
            });
  }

  /** Derives the standing and publishes a list event if the list status moved. */
  private Uni<StandingView> reassess(CommandContext command, Institution institution) {
    return standingFacts
        .of(institution.institutionId())
        .chain(
            facts -> {
              Standing standing = assess(institution, facts);
              ListStatus previous = institution.listStatus();
              if (standing.listStatus() == previous) {
                return Uni.createFrom().item(view(institution, facts, standing));
              }
              institution.listAs(standing.listStatus());
              return outbox
                  .append(
                      command,
                      StandingEvents.listChanged(
                          institution,
                          facts.licence(),
                          previous,
                          standing.operational(),
                          standing.reasons()))
                  .map(ignored -> view(institution, facts, standing));
            });
  }

  private Uni<StandingView> view(Institution institution) {
    return standingFacts
        .of(institution.institutionId())
        .map(facts -> view(institution, facts, assess(institution, facts)));
  }

  private Standing assess(Institution institution, StandingFacts facts) {
    return Standing.assess(
        institution, facts.licence(), facts.registration(), facts.inForce(), clock.today());
  }

  private static StandingView view(
      Institution institution, StandingFacts facts, Standing standing) {
    return new StandingView(
        institution.institutionId(),
        institution.version(),
        standing.listStatus(),
        standing.operational(),
        standing.reasons(),
        institution.registrationDueBy(),
        StandingView.Licence.of(facts.licence()),
        StandingView.Registration.of(facts.registration()),
        facts.inForce().stream().map(StandingView.SanctionInForce::of).toList());
  }
}
