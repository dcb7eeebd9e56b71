package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.config.staff.StaffSettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.staff.BackgroundCheck;
import cn.anshan.oversight.registry.domain.staff.StaffMember;
import cn.anshan.oversight.registry.domain.staff.StaffRoster;
import cn.anshan.oversight.registry.domain.staff.StaffStatus;
import cn.anshan.oversight.registry.repository.staff.StaffBlacklistRepository;
import cn.anshan.oversight.registry.repository.staff.StaffLocks;
import cn.anshan.oversight.registry.repository.staff.StaffRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Use cases of an institution's staff: file, leave, read, list. Staff personal data is shown only
 * to the institution's own operator, the regulator of its district and auditors.
 */
@ApplicationScoped
public class StaffService {
  private final StaffRepository staff;
  private final StaffBlacklistRepository blacklist;
  private final StaffLocks locks;
  private final InstitutionGate gate;
  private final StaffIdentities identities;
  private final Outbox outbox;
  private final OversightClock clock;
  private final StaffSettings settings;
  private final RegistrySettings registry;

  public StaffService(
      StaffRepository staff,
      StaffBlacklistRepository blacklist,
      StaffLocks locks,
      InstitutionGate gate,
      StaffIdentities identities,
      Outbox outbox,
      OversightClock clock,
      StaffSettings settings,
      RegistrySettings registry) {
    this.staff = staff;
    this.blacklist = blacklist;
    this.locks = locks;
    this.gate = gate;
    this.identities = identities;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    this.registry = registry;
  }

  /** STF-01…04 and STF-06; every broken rule is listed and nothing is stored. */
  @WithTransaction
  public Uni<StaffView> file(CommandContext command, String institutionId, StaffFiling filing) {
    String idHash = identities.hash(filing.nationalIdNumber());
    return filingFacts(command.actor(), institutionId, idHash)
        .map(
            facts ->
                StaffMember.file(
                    UUID.randomUUID().toString(),
                    institutionId,
                    facts.institution().district(),
                    facts.institution().category(),
                    filing.toForm(idHash),
                    facts.roster(),
                    facts.person(),
                    settings.fullTimeRatioMin(),
                    command.actor().subject(),
                    clock.now()))
        .call(filed -> staff.persist(filed.member()))
        .call(filed -> outbox.append(command, filed.event()))
        .map(filed -> StaffView.of(filed.member()));
  }

  /** The person leaves; STF-04 refuses the departure of a full-time teacher below the minimum. */
  @WithTransaction
  public Uni<StaffView> leave(
      CommandContext command, String institutionId, String staffId, IfMatch ifMatch) {
    return ownInstitution(command.actor(), institutionId)
        .call(() -> locks.roster(institutionId))
        .chain(() -> member(institutionId, staffId))
        .invoke(member -> ifMatch.require(member.version()))
        .call(
            member ->
                staff
                    .roster(institutionId)
                    .map(
                        roster ->
                            member.leave(
                                roster,
                                settings.fullTimeRatioMin(),
                                command.actor().subject(),
                                clock.now()))
                    .chain(left -> outbox.append(command, left)))
        .map(StaffView::of);
  }

  /** What filing a person is decided on: the operator's institution, its roster, the person. */
  private record FilingFacts(Institution institution, StaffRoster roster, BackgroundCheck person) {}

  /**
   * Reads the facts under the institution's roster lock and the person's lock, so two filings of
   * the same person, or two changes of one roster, are decided one after the other.
   */
  private Uni<FilingFacts> filingFacts(Actor operator, String institutionId, String idHash) {
    return ownInstitution(operator, institutionId)
        .call(() -> locks.roster(institutionId))
        .call(() -> locks.person(idHash))
        .chain(institution -> rosterFacts(institution, institutionId, idHash));
  }

  private Uni<FilingFacts> rosterFacts(
      Institution institution, String institutionId, String idHash) {
    return staff
        .roster(institutionId)
        .chain(
            roster ->
                backgroundCheck(institutionId, idHash)
                    .map(person -> new FilingFacts(institution, roster, person)));
  }

  private Uni<BackgroundCheck> backgroundCheck(String institutionId, String idHash) {
    return staff
        .activeAt(institutionId, idHash)
        .chain(
            activeHere ->
                blacklist
                    .findByIdHash(idHash)
                    .map(entry -> new BackgroundCheck(activeHere, entry != null)));
  }

  @WithSession
  public Uni<StaffView> get(Actor actor, String institutionId, String staffId) {
    return visibleInstitution(actor, institutionId)
        .chain(() -> member(institutionId, staffId))
        .map(StaffView::of);
  }

  @WithSession
  public Uni<StaffPage> list(
      Actor actor, String institutionId, StaffStatus status, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registry.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return visibleInstitution(actor, institutionId)
        .chain(() -> staff.page(institutionId, status, after.instant(), after.id(), size + 1))
        .map(
            found -> {
              List<StaffView> items = found.stream().limit(size).map(StaffView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(items.get(size - 1).filedAt(), items.get(size - 1).staffId())
                      : null;
              return new StaffPage(items, next);
            });
  }

  /** An operator acts only for the institution in their token; any other id is answered 404. */
  private Uni<Institution> ownInstitution(Actor operator, String institutionId) {
    if (!institutionId.equals(operator.institutionId())) {
      throw ProblemException.notFound("institution " + institutionId);
    }
    return gate.ownApprovedInstitution(operator);
  }

  /** Own institution, the regulator's district (REG-09), or anything for auditors. */
  private Uni<Institution> visibleInstitution(Actor actor, String institutionId) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> gate.approved(institutionId);
      case Roles.REGULATOR -> gate.supervisedBy(actor, institutionId);
      case Roles.INSTITUTION_OPERATOR -> ownInstitution(actor, institutionId);
      default -> throw ProblemException.forbidden("staff data is not shown to " + actor.role());
    };
  }

  private Uni<StaffMember> member(String institutionId, String staffId) {
    return staff
        .memberOf(institutionId, staffId)
        .map(member -> ProblemException.requireFound(member, "staff member " + staffId));
  }
}
