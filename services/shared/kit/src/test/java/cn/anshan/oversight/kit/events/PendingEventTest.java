package cn.anshan.oversight.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PendingEventTest {
  private final PendingEvent placed =
      new PendingEvent("Order", "o-1", "OrderPlaced.v1", "tiexi", "data");

  @Test
  void theRecordingAggregateGivesTheVersion() {
    assertEquals(
        new DomainEvent("Order", "o-1", 4, "OrderPlaced.v1", "tiexi", "data"),
        placed.numbered("Order", "o-1", 4));
  }

  @Test
  void anotherAggregateCannotRecordIt() {
    var wrongId =
        assertThrows(IllegalStateException.class, () -> placed.numbered("Order", "o-2", 1));
    assertEquals("OrderPlaced.v1 is about Order o-1, not Order o-2", wrongId.getMessage());
    assertThrows(IllegalStateException.class, () -> placed.numbered("Supervision", "o-1", 1));
  }
}
