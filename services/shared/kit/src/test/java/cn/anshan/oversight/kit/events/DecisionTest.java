package cn.anshan.oversight.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {
  /** An aggregate at version 3. */
  static final class Enrolment implements Aggregate {
    long version = 3;

    @Override
    public DomainEvent record(PendingEvent event) {
      return event.numbered("Enrolment", "e-1", ++version);
    }
  }

  private final PendingEvent submitted =
      new PendingEvent("Enrolment", "e-1", "AsvApplicationSubmitted.v1", "tiexi", "a");
  private final PendingEvent confirmed =
      new PendingEvent("Enrolment", "e-1", "AsvEnrolmentConfirmed.v1", "tiexi", "b");

  @Test
  void theAggregateNumbersItsEventsInTheOrderTheyWereRaised() {
    Enrolment enrolment = new Enrolment();
    List<DomainEvent> numbered = Decision.of(enrolment, submitted, confirmed).numbered();
    assertEquals(
        List.of(
            new DomainEvent("Enrolment", "e-1", 4, "AsvApplicationSubmitted.v1", "tiexi", "a"),
            new DomainEvent("Enrolment", "e-1", 5, "AsvEnrolmentConfirmed.v1", "tiexi", "b")),
        numbered);
    assertEquals(5, enrolment.version);
  }

  @Test
  void aDecisionKeepsTheEventsItWasGiven() {
    List<PendingEvent> raised = new ArrayList<>(List.of(submitted));
    Decision<Enrolment> decision = new Decision<>(new Enrolment(), raised);
    raised.add(confirmed);
    assertEquals(List.of(submitted), decision.events());
    assertThrows(NullPointerException.class, () -> Decision.of(null, submitted));
  }
}
