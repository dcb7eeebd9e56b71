package cn.anshan.oversight.registry.service.premises;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.registry.config.PremisesSettings;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.premises.Premises;
import cn.anshan.oversight.registry.domain.premises.PremisesForm;
import cn.anshan.oversight.registry.domain.premises.PremisesLimits;
import cn.anshan.oversight.registry.repository.premises.PremisesRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Premises filing (REG-10, §11 row 4): the operator of an approved institution files and changes
 * its sites; the regulator of the district, auditors and parents read them; a watch warns of leases
 * ending soon.
 */
@ApplicationScoped
public class PremisesService {
  private final InstitutionGate gate;
  private final PremisesRepository premises;
  private final Outbox outbox;
  private final OversightClock clock;
  private final PremisesSettings settings;
  private final RegistrySettings registry;

  public PremisesService(
      InstitutionGate gate,
      PremisesRepository premises,
      Outbox outbox,
      OversightClock clock,
      PremisesSettings settings,
      RegistrySettings registry) {
    this.gate = gate;
    this.premises = premises;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    this.registry = registry;
  }

  @WithTransaction
  public Uni<PremisesView> file(CommandContext command, String institutionId, PremisesForm form) {
    Actor operator = command.actor();
    return own(operator, institutionId)
        .chain(
            institution ->
                outbox.appendNew(
                    command,
                    Premises.file(
                        institution,
                        form,
                        operator.subject(),
                        clock.now(),
                        clock.today(),
                        limits()),
                    premises::persist))
        .map(site -> PremisesView.of(site, operator.role()));
  }

  /** The whole site is re-checked as if filed today, lease included. */
  @WithTransaction
  public Uni<PremisesView> change(
      CommandContext command,
      String institutionId,
      UUID premisesId,
      IfMatch ifMatch,
      PremisesForm form) {
    Actor operator = command.actor();
    return own(operator, institutionId)
        .chain(
            institution ->
                siteOf(institutionId, premisesId).map(site -> new Site(institution, site)))
        .chain(
            found -> {
              Premises site = found.premises();
              ifMatch.require(site.version());
              PendingEvent changed =
                  site.change(found.institution(), form, clock.now(), clock.today(), limits());
              return outbox
                  .append(command, site.record(changed))
                  .replaceWith(PremisesView.of(site, operator.role()));
            });
  }

  /** A site with the institution it belongs to. */
  private record Site(Institution institution, Premises premises) {}

  /** The institution's own site; another institution's is not found. */
  private Uni<Premises> siteOf(String institutionId, UUID premisesId) {
    return premises
        .findById(premisesId)
        .map(
            site ->
                ProblemException.requireFound(
                    site,
                    "premises " + premisesId,
                    found -> found.institutionId().equals(institutionId)));
  }

  @WithSession
  public Uni<PremisesView> get(Actor reader, String institutionId, UUID premisesId) {
    return readable(reader, institutionId)
        .chain(institution -> siteOf(institutionId, premisesId))
        .map(site -> PremisesView.of(site, reader.role()));
  }

  /** An institution's sites, oldest first (keyset pagination). */
  @WithSession
  public Uni<PremisesPage> list(Actor reader, String institutionId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registry.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return readable(reader, institutionId)
        .chain(
            institution ->
                premises.page(institutionId, after.instant(), Page.afterId(after), size + 1))
        .map(
            found -> {
              List<Premises> shown = found.stream().limit(size).toList();
              List<PremisesView> items =
                  shown.stream().map(p -> PremisesView.of(p, reader.role())).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          shown.get(size - 1).filedAt(), shown.get(size - 1).id().toString())
                      : null;
              return new PremisesPage(items, next);
            });
  }

  /**
   * §11 row 4 alert: announces each lease ending within the warning lead time once per lease end,
   * with the system as actor. Returns how many it announced.
   */
  @WithTransaction
  public Uni<Integer> watch() {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("registry.premises-lease", this::watchOnThisReplica);
  }

  private Uni<Integer> watchOnThisReplica() {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("institution-registry"),
            "premises-watch-" + today,
            "premises-watch-" + UUID.randomUUID());
    return premises
        .leaseEndingUnwarned(today.plusDays(settings.leaseWarningDays()), settings.watchBatchSize())
        .chain(
            ending -> outbox.appendEach(system, ending, site -> site.record(site.leaseWarned())));
  }

  private PremisesLimits limits() {
    return new PremisesLimits(
        registry.premises().minSqmPerStudent(),
        registry.premises().minAreaSqm(),
        settings.youngChildrenMaxFloor(),
        settings.minLeaseMonths());
  }

  /** Operators act only on their own institution; another id is as unknown as a missing one. */
  private Uni<Institution> own(Actor operator, String institutionId) {
    return gate.ownApprovedInstitution(operator)
        .map(
            institution -> {
              if (!institution.institutionId().equals(institutionId)) {
                throw ProblemException.notFound("institution " + institutionId);
              }
              return institution;
            });
  }

  private Uni<Institution> readable(Actor reader, String institutionId) {
    return switch (reader.role()) {
      case Roles.INSTITUTION_OPERATOR -> {
        if (!institutionId.equals(reader.institutionId())) {
          yield Uni.createFrom().failure(ProblemException.notFound("institution " + institutionId));
        }
        yield gate.approved(institutionId);
      }
      case Roles.REGULATOR -> gate.supervisedBy(reader, institutionId);
      default -> gate.approved(institutionId);
    };
  }
}
