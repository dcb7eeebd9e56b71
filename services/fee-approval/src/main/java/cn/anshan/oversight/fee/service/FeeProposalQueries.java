package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeProposalFilter;
import cn.anshan.oversight.fee.repository.FeeHistoryRepository;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reading proposals and their history, within the caller's scope ({@link ProposalAccess}). */
@ApplicationScoped
public class FeeProposalQueries {
  private final ProposalAccess access;
  private final FeeHistoryRepository history;
  private final FeeProposalRepository proposals;
  private final FeeSettings settings;

  public FeeProposalQueries(
      ProposalAccess access,
      FeeHistoryRepository history,
      FeeProposalRepository proposals,
      FeeSettings settings) {
    this.access = access;
    this.history = history;
    this.proposals = proposals;
    this.settings = settings;
  }

  @WithSession
  public Uni<FeeProposalView> get(Actor actor, UUID proposalId) {
    return access.visible(actor, proposalId).map(FeeProposalView::of);
  }

  @WithSession
  public Uni<List<FeeHistoryView>> history(Actor actor, UUID proposalId) {
    return access
        .visible(actor, proposalId)
        .chain(p -> history.of(p.id()))
        .map(entries -> entries.stream().map(FeeHistoryView::of).toList());
  }

  /** The proposals the caller may see, oldest first (keyset pagination). */
  @WithSession
  public Uni<FeeProposalPage> list(
      Actor actor, FeeProposalFilter filter, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    UUID afterId = Page.afterId(after);
    return access
        .scope(actor)
        .chain(
            scope ->
                scope.schoolIds() != null && scope.schoolIds().isEmpty()
                    ? Uni.createFrom().item(List.<FeeProposal>of())
                    : proposals.page(scope, filter, after.instant(), afterId, size + 1))
        .map(
            found -> {
              List<FeeProposalView> items =
                  found.stream().limit(size).map(FeeProposalView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).draftedAt(),
                          items.get(size - 1).proposalId().toString())
                      : null;
              return new FeeProposalPage(items, next);
            });
  }
}
