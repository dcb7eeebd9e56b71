package cn.anshan.oversight.registry.service.unlicensed;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.config.UnlicensedSettings;
import cn.anshan.oversight.registry.domain.complaint.Complaint;
import cn.anshan.oversight.registry.domain.unlicensed.Discovery;
import cn.anshan.oversight.registry.domain.unlicensed.SanctionOrder;
import cn.anshan.oversight.registry.domain.unlicensed.ThreePartTest;
import cn.anshan.oversight.registry.domain.unlicensed.UnlicensedOperator;
import cn.anshan.oversight.registry.domain.unlicensed.UnlicensedRules;
import cn.anshan.oversight.registry.repository.complaint.ComplaintRepository;
import cn.anshan.oversight.registry.repository.unlicensed.OperatorSanctionRepository;
import cn.anshan.oversight.registry.repository.unlicensed.UnlicensedOperatorRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Operators that train without approval (issue 18 item 1, ENF-02, ENF-03, LST-01): the regulator of
 * a district records them, assesses them with evidence and sanctions them; auditors read all. Each
 * command loads the operator, lets it decide, then persists and appends its event.
 */
@ApplicationScoped
public class UnlicensedOperatorService {
  private final UnlicensedOperatorRepository operators;
  private final OperatorSanctionRepository sanctions;
  private final ComplaintRepository complaints;
  private final Outbox outbox;
  private final OversightClock clock;
  private final UnlicensedSettings settings;
  private final RegistrySettings registry;

  public UnlicensedOperatorService(
      UnlicensedOperatorRepository operators,
      OperatorSanctionRepository sanctions,
      ComplaintRepository complaints,
      Outbox outbox,
      OversightClock clock,
      UnlicensedSettings settings,
      RegistrySettings registry) {
    this.operators = operators;
    this.sanctions = sanctions;
    this.complaints = complaints;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    this.registry = registry;
  }

  /**
   * The regulator records an operator of their own district; one found through a complaint names a
   * complaint about an unlisted operator of that district.
   */
  @WithTransaction
  public Uni<UnlicensedOperatorView> record(CommandContext command, OperatorRecord found) {
    Actor regulator = command.actor();
    String district = districtOf(regulator);
    return complaintBehind(found, district)
        .chain(
            () ->
                outbox.appendNew(
                    command,
                    UnlicensedOperator.found(
                        found.name(),
                        district,
                        found.address(),
                        found.onlinePresence(),
                        found.discoveredThrough(),
                        found.sourceReference(),
                        regulator.subject(),
                        clock.now()),
                    operators::persist))
        .map(operator -> UnlicensedOperatorView.of(operator, List.of()));
  }

  private Uni<Void> complaintBehind(OperatorRecord found, String district) {
    if (found.discoveredThrough() != Discovery.COMPLAINT || found.sourceReference() == null) {
      return Uni.createFrom().voidItem();
    }
    UUID complaintId = uuidOrNull(found.sourceReference());
    Uni<Complaint> complaint =
        complaintId == null ? Uni.createFrom().nullItem() : complaints.findById(complaintId);
    return complaint
        .invoke(c -> UnlicensedRules.requireComplaintSource(c, found.sourceReference(), district))
        .replaceWithVoid();
  }

  private static UUID uuidOrNull(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** ENF-02: the three-part test with its evidence; the finding follows from it. */
  @WithTransaction
  public Uni<UnlicensedOperatorView> assess(
      CommandContext command, UUID operatorId, IfMatch ifMatch, ThreePartTest test) {
    return supervised(command.actor(), operatorId, ifMatch)
        .chain(
            operator ->
                outbox
                    .append(
                        command,
                        operator.record(
                            operator.assess(
                                test, settings.bands(), command.actor().subject(), clock.now())))
                    .chain(() -> view(operator)));
  }

  /** ENF-02 / ENF-03 outcome; the first one black-lists the operator (LST-01). */
  @WithTransaction
  public Uni<UnlicensedOperatorView> sanction(
      CommandContext command, UUID operatorId, IfMatch ifMatch, SanctionOrder order) {
    return supervised(command.actor(), operatorId, ifMatch)
        .chain(
            operator -> {
              UnlicensedOperator.Sanctioning sanctioning =
                  operator.sanction(
                      order, settings.bands(), command.actor().subject(), clock.now());
              return sanctions
                  .persist(sanctioning.sanction())
                  .call(() -> outbox.append(command, operator.record(sanctioning.event())))
                  .chain(() -> view(operator));
            });
  }

  @WithSession
  public Uni<UnlicensedOperatorView> get(Actor reader, UUID operatorId) {
    return visible(reader, operatorId).chain(this::view);
  }

  /** Regulators: their district's operators; auditors: all; oldest first. */
  @WithSession
  public Uni<Page<UnlicensedOperatorView>> list(Actor reader, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registry.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    String district = reader.role().equals(Roles.AUDITOR) ? null : districtOf(reader);
    return operators
        .page(district, after.instant(), Page.afterId(after), size + 1)
        .map(
            found ->
                Page.of(
                    found,
                    size,
                    o -> UnlicensedOperatorView.of(o, List.of()),
                    UnlicensedOperator::recordedAt,
                    UnlicensedOperator::id));
  }

  private Uni<UnlicensedOperator> supervised(Actor regulator, UUID operatorId, IfMatch ifMatch) {
    return visible(regulator, operatorId)
        .map(
            operator -> {
              ifMatch.require(operator.version());
              return operator;
            });
  }

  /** 404 for operators outside the reader's district, so their existence does not leak. */
  private Uni<UnlicensedOperator> visible(Actor reader, UUID operatorId) {
    return operators
        .findById(operatorId)
        .map(
            operator ->
                ProblemException.requireFound(
                    operator,
                    "unlicensed operator " + operatorId,
                    found -> reader.oversees(null, found.district())));
  }

  private Uni<UnlicensedOperatorView> view(UnlicensedOperator operator) {
    return sanctions.of(operator.id()).map(found -> UnlicensedOperatorView.of(operator, found));
  }

  private static String districtOf(Actor regulator) {
    if (regulator.district() == null) {
      throw ProblemException.forbidden("the token carries no district claim");
    }
    return regulator.district();
  }
}
