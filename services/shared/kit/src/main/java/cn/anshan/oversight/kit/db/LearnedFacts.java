package cn.anshan.oversight.kit.db;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Facts a service learns from another service's events (a child, a filed course): stored the first
 * time and never overwritten. The inbox already drops a redelivered event; this drops the same fact
 * arriving in another event, so a consumer's effect stays idempotent by the fact's own id.
 */
public final class LearnedFacts {
  private LearnedFacts() {}

  /** Persists {@code fact} unless {@code repository} already holds one with {@code id}. */
  public static <E, I> Uni<Void> learnOnce(PanacheRepositoryBase<E, I> repository, I id, E fact) {
    return repository
        .findById(id)
        .chain(known -> known != null ? Uni.createFrom().voidItem() : repository.persist(fact))
        .replaceWithVoid();
  }
}
