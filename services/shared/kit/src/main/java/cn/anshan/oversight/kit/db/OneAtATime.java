package cn.anshan.oversight.kit.db;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.function.Function;

/**
 * A step per item, run one after the other on the caller's reactive session: Hibernate Reactive
 * allows one operation at a time per session, so steps are chained, never combined.
 */
public final class OneAtATime {
  private OneAtATime() {}

  /** Runs {@code step} for each item in order. */
  public static <T> Uni<Void> each(Collection<T> items, Function<T, Uni<?>> step) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (T item : items) {
      chain = chain.chain(() -> step.apply(item)).replaceWithVoid();
    }
    return chain;
  }

  /** Runs {@code step} for each item in order; the sum of what the steps return. */
  public static <T> Uni<Integer> sum(Collection<T> items, Function<T, Uni<Integer>> step) {
    Uni<Integer> chain = Uni.createFrom().item(0);
    for (T item : items) {
      chain = chain.chain(total -> step.apply(item).map(n -> total + n));
    }
    return chain;
  }

  /** Runs {@code step} for each item in order; how many answered true. */
  public static <T> Uni<Integer> count(Collection<T> items, Function<T, Uni<Boolean>> step) {
    return sum(items, item -> step.apply(item).map(done -> done ? 1 : 0));
  }
}
