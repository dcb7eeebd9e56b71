package cn.anshan.oversight.registry.service;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.domain.ApplicationForm;
import cn.anshan.oversight.registry.domain.ApplicationRules;
import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.DecisionDeadline;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Use cases of an institution's application: apply, read, list, approve, reject. Authorisation
 * beyond the role (whose institution, which district) is decided here.
 */
@ApplicationScoped
public class ApplicationService {
  private final InstitutionRepository institutions;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final RegistrySettings settings;
  private final ObjectMapper mapper;

  public ApplicationService(
      InstitutionRepository institutions,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      RegistrySettings settings,
      ObjectMapper mapper) {
    this.institutions = institutions;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
    this.mapper = mapper;
  }

  /** An operator applies for the institution named by their token's institution_id claim. */
  @WithTransaction
  public Uni<ApplicationView> apply(CommandContext command, ApplicationForm form) {
    String institutionId = command.actor().institutionId();
    if (institutionId == null) {
      throw ProblemException.forbidden("the token carries no institution_id claim");
    }
    return institutions
        .findById(institutionId)
        .chain(
            existing -> {
              Institution application = Institution.applyingFor(existing, institutionId);
              // the event sets the version before the insert, so the new row is written once
              DomainEvent applied =
                  application.apply(
                      form,
                      settings.applicationStandard(),
                      settings.provinceAuthority(),
                      command.actor().subject(),
                      clock.now());
              return institutions
                  .persist(application)
                  .call(() -> outbox.append(command, applied))
                  .map(ApplicationView::of);
            });
  }

  /**
   * A regulator takes an institution approved before the platform onto the register, in their own
   * district only (REG-08); its id is the one its operators' tokens carry.
   */
  @WithTransaction
  public Uni<ApplicationView> registerExisting(
      CommandContext command, String institutionId, ApplicationForm form) {
    ApplicationRules.requireRegistrableBy(form, command.actor().district());
    return institutions
        .findById(institutionId)
        .chain(
            existing -> {
              Institution institution = Institution.registering(existing, institutionId);
              DomainEvent registered =
                  institution.registerExisting(
                      form,
                      settings.premisesStandard(),
                      settings.provinceAuthority(),
                      command.actor().subject(),
                      clock.now());
              return institutions
                  .persist(institution)
                  .call(() -> outbox.append(command, registered))
                  .map(ApplicationView::of);
            });
  }

  /**
   * §11 row 1 alert: announces, once each, open applications still undecided after the configured
   * number of working days. Working days are never fewer than calendar days, so the query's
   * calendar-day cut-off only narrows the candidates.
   */
  @WithTransaction
  public Uni<Integer> watch() {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("registry.application-decision", this::watchOnThisReplica);
  }

  private Uni<Integer> watchOnThisReplica() {
    LocalDate today = clock.today();
    DecisionDeadline deadline =
        new DecisionDeadline(calendar, settings.application().decisionWorkingDays());
    CommandContext system =
        new CommandContext(
            Actor.system("institution-registry"),
            "application-watch-" + today,
            "application-watch-" + UUID.randomUUID());
    return institutions
        .undecidedSince(
            clock.now().minus(Duration.ofDays(deadline.workingDays())), settings.maxPageSize())
        .map(
            candidates ->
                candidates.stream()
                    .filter(application -> application.decisionOverdue(today, deadline))
                    .toList())
        .chain(
            overdue ->
                outbox.appendEach(
                    system,
                    overdue,
                    application -> application.decisionOverdueReported(clock.now(), deadline)));
  }

  @WithSession
  public Uni<ApplicationView> get(Actor actor, String institutionId) {
    return readable(actor, institutionId).map(ApplicationView::of);
  }

  /**
   * A regulator's queue: their own district only (REG-08); a sector department's: the non-subject
   * applications of its sector there (REG-02). Oldest first, keyset-paginated.
   */
  @WithSession
  public Uni<ApplicationPage> list(
      Actor actor, ApplicationStatus status, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return institutions
        .page(actor.district(), sectorOf(actor), status, after.instant(), after.id(), size + 1)
        .map(
            found -> {
              List<ApplicationView> items =
                  found.stream().limit(size).map(ApplicationView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).appliedAt(), items.get(size - 1).institutionId())
                      : null;
              return new ApplicationPage(items, next);
            });
  }

  @WithTransaction
  public Uni<ApplicationView> approve(
      CommandContext command, String institutionId, IfMatch ifMatch) {
    return decidable(command.actor(), institutionId, ifMatch)
        .chain(
            application ->
                outbox
                    .append(
                        command,
                        application.approve(
                            settings.applicationStandard(), command.actor().subject(), clock.now()))
                    .replaceWith(ApplicationView.of(application)));
  }

  @WithTransaction
  public Uni<ApplicationView> reject(
      CommandContext command, String institutionId, IfMatch ifMatch, List<RuleViolation> reasons) {
    return decidable(command.actor(), institutionId, ifMatch)
        .chain(
            application ->
                outbox
                    .append(
                        command,
                        application.reject(
                            reasons, json(reasons), command.actor().subject(), clock.now()))
                    .replaceWith(ApplicationView.of(application)));
  }

  private Uni<Institution> decidable(Actor actor, String institutionId, IfMatch ifMatch) {
    return institutions
        .findById(institutionId)
        .map(
            application ->
                ProblemException.requireFound(application, "application " + institutionId))
        .map(
            application -> {
              application.requireDecidableBy(actor.district());
              ifMatch.require(application.version());
              return application;
            });
  }

  /** The sector a sector department answers for; null for a regulator, who sees every one. */
  private static SubCategory sectorOf(Actor actor) {
    if (!Roles.SECTOR_DEPARTMENT.equals(actor.role())) {
      return null;
    }
    return Arrays.stream(SubCategory.values())
        .filter(s -> s.name().equals(actor.sector()))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.forbidden(
                    "the token carries no sector claim naming one of "
                        + Arrays.toString(SubCategory.values())));
  }

  private Uni<Institution> readable(Actor actor, String institutionId) {
    return institutions
        .findById(institutionId)
        .map(application -> InstitutionScope.visible(actor, application, institutionId));
  }

  private String json(List<RuleViolation> reasons) {
    try {
      return mapper.writeValueAsString(reasons);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
