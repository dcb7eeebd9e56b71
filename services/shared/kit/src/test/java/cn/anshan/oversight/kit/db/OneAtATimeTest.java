package cn.anshan.oversight.kit.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Steps on one session never overlap, and run in the items' order. */
class OneAtATimeTest {
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();
  final List<Integer> order = new ArrayList<>();

  /** A step that takes a while, so an overlapping start would be seen. */
  Uni<Integer> step(int item) {
    return Uni.createFrom()
        .item(item)
        .invoke(
            () -> {
              mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
              synchronized (order) {
                order.add(item);
              }
            })
        .onItem()
        .delayIt()
        .by(Duration.ofMillis(5))
        .invoke(running::decrementAndGet);
  }

  @Test
  void eachRunsTheStepsInOrderOneAfterTheOther() {
    OneAtATime.each(List.of(3, 1, 2), this::step).await().atMost(Duration.ofSeconds(5));

    assertEquals(List.of(3, 1, 2), order);
    assertEquals(1, mostAtOnce.get());
  }

  @Test
  void sumAddsWhatEachStepReturns() {
    assertEquals(
        6, OneAtATime.sum(List.of(1, 2, 3), this::step).await().atMost(Duration.ofSeconds(5)));
    assertEquals(1, mostAtOnce.get());
  }

  @Test
  void countCountsTheStepsThatAnsweredTrue() {
    assertEquals(
        2,
        OneAtATime.count(List.of(1, 2, 3, 4), i -> step(i).map(n -> n % 2 == 0))
            .await()
            .atMost(Duration.ofSeconds(5)));
    assertEquals(
        0,
        OneAtATime.count(List.<Integer>of(), i -> step(i).map(n -> true)).await().indefinitely());
  }
}
