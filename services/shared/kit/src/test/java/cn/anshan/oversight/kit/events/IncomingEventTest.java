package cn.anshan.oversight.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a consumed envelope: who acted, and data that fits or is poison. */
class IncomingEventTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static IncomingEvent event(String actorFields, String data) {
    return IncomingEvent.parse(
        JSON,
        """
        {"specversion":"1.0","id":"6110ea16-c0de-4c4c-8e46-235de2dff3a5","source":"/oversight/enrolment",
         "type":"cn.anshan.oversight.enrolment.ChildRegistered.v1","aggregatetype":"Child",
         "aggregateid":"c-1","aggregateversion":1,%s"data":%s}"""
            .formatted(actorFields, data));
  }

  record Registered(String childId, int grade) {}

  @Test
  void theActorCountsOnlyInTheRoleAsked() {
    assertEquals(
        Optional.of("parent-sub"),
        event("\"actor\":\"parent-sub\",\"actorrole\":\"parent\",", "{}").actorIn("parent"));
    assertTrue(
        event("\"actor\":\"system:enrolment\",\"actorrole\":\"system\",", "{}")
            .actorIn("parent")
            .isEmpty());
    assertTrue(event("\"actorrole\":\"parent\",", "{}").actorIn("parent").isEmpty());
    assertTrue(event("", "{}").actorIn("parent").isEmpty());
  }

  @Test
  void dataThatDoesNotFitItsRecordIsPoisonNamingTheRecord() {
    assertEquals(
        new Registered("c-1", 5),
        event("", "{\"childId\":\"c-1\",\"grade\":5,\"extra\":true}").dataAs(Registered.class));
    PoisonEventException e =
        assertThrows(
            PoisonEventException.class,
            () -> event("", "{\"childId\":\"c-1\",\"grade\":null}").dataAs(Registered.class));
    assertTrue(e.getMessage().contains("Registered"), e.getMessage());
  }
}
