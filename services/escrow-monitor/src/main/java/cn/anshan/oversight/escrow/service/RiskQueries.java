package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.repository.RiskTripRepository;
import cn.anshan.oversight.escrow.service.Views.RiskPage;
import cn.anshan.oversight.escrow.service.Views.RiskTripView;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The risk warnings a caller may read (§11 row 13): regulators their district's, operators their
 * institution's, auditors all.
 */
@ApplicationScoped
public class RiskQueries {
  private final RiskTripRepository trips;
  private final EscrowSettings settings;

  public RiskQueries(RiskTripRepository trips, EscrowSettings settings) {
    this.trips = trips;
    this.settings = settings;
  }

  /** Regulators their district, operators their institution, auditors all; newest last. */
  @WithSession
  public Uni<RiskPage> list(Actor actor, String institutionId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return trips
        .page(
            scope(actor),
            institutionId,
            after.isStart() ? null : after.instant(),
            Page.afterId(after),
            size + 1)
        .map(
            rows -> {
              List<RiskTripView> items = rows.stream().limit(size).map(RiskQueries::view).toList();
              String next =
                  rows.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).trippedAt(), items.get(size - 1).id().toString())
                      : null;
              return new RiskPage(items, next);
            });
  }

  /** Auditors see every trip, regulators their district's, an institution's operators its own. */
  private static RiskTripRepository.Scope scope(Actor actor) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> new RiskTripRepository.Scope(null, null);
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        yield new RiskTripRepository.Scope(actor.district(), null);
      }
      default -> {
        if (actor.institutionId() == null) {
          throw ProblemException.forbidden("the token carries no institution_id claim");
        }
        yield new RiskTripRepository.Scope(null, actor.institutionId());
      }
    };
  }

  private static RiskTripView view(RiskTripRepository.RiskTripRow r) {
    return new RiskTripView(
        r.id(),
        r.institutionId(),
        r.district(),
        r.indicator(),
        r.grade(),
        r.value(),
        r.threshold(),
        r.detail(),
        r.businessDate(),
        r.trippedAt());
  }
}
