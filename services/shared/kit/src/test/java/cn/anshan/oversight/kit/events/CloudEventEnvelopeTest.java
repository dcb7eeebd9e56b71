package cn.anshan.oversight.kit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The envelope as the outbox stores it: CloudEvents JSON the SDK writes and reads back. */
class CloudEventEnvelopeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final UUID ID = UUID.fromString("6110ea16-c0de-4c4c-8e46-235de2dff3a5");
  static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  static final EventSettings ENROLMENT =
      new EventSettings() {
        public String service() {
          return "enrolment";
        }

        public String context() {
          return "enrolment";
        }

        public int partitions() {
          return 6;
        }

        public short replicationFactor() {
          return 1;
        }

        public String schemaBase() {
          return "https://oversight.anshan.gov.cn/contracts/events/";
        }

        public String ruleVersion() {
          return "2026.1";
        }
      };

  static final CommandContext BY_PARENT =
      new CommandContext(
          new Actor("parent-sub", "parent", "tiedong", null, null, null, null), "corr-1", "req-1");

  static String envelope(long version, String district, TraceParent trace) {
    DomainEvent event =
        new DomainEvent(
            "Child", "c-1", version, "ChildRegistered.v1", district, Map.of("sequence", 0));
    return CloudEventEnvelope.build(
        JSON,
        ENROLMENT,
        ID,
        Instant.parse("2026-12-06T04:09:05.123456789Z"),
        BY_PARENT,
        trace,
        event);
  }

  @Test
  void everyAttributeOfTheEnvelopeIsWrittenWithItsCloudEventsType() throws Exception {
    JsonNode json = JSON.readTree(envelope(3, "tiedong", new TraceParent(TRACE, "vendor=1")));

    assertEquals("1.0", json.path("specversion").asText());
    assertEquals(ID.toString(), json.path("id").asText());
    assertEquals("/oversight/enrolment", json.path("source").asText());
    assertEquals("cn.anshan.oversight.enrolment.ChildRegistered.v1", json.path("type").asText());
    assertEquals("Child/c-1", json.path("subject").asText());
    assertEquals(
        "https://oversight.anshan.gov.cn/contracts/events/enrolment/ChildRegistered.v1.schema.json",
        json.path("dataschema").asText());
    assertEquals("application/json", json.path("datacontenttype").asText());
    // Microseconds, in UTC: PostgreSQL's precision, the envelope schema's 'Z'.
    assertEquals(
        Instant.parse("2026-12-06T04:09:05.123456Z"), Instant.parse(json.path("time").asText()));
    assertTrue(json.path("time").asText().endsWith("Z"));
    // Integers, not the strings the SDK writes for a Long.
    assertTrue(json.path("aggregateversion").isInt());
    assertEquals(3, json.path("aggregateversion").asInt());
    assertTrue(json.path("sequence").isInt());
    assertEquals("parent-sub", json.path("actor").asText());
    assertEquals("parent", json.path("actorrole").asText());
    assertEquals("tiedong", json.path("district").asText());
    assertEquals("corr-1", json.path("correlationid").asText());
    assertEquals("req-1", json.path("causationid").asText());
    assertEquals("2026.1", json.path("ruleversion").asText());
    assertEquals(TRACE, json.path("traceparent").asText());
    assertFalse(json.has("tracestate"), "vendor trace state stays out of the audit record");
    assertEquals(0, json.path("data").path("sequence").asInt());
  }

  @Test
  void theRelaysPlaceholderComesBeforeAnyDataFieldOfTheSameName() {
    String envelope = envelope(1, null, TraceParent.NONE);

    assertTrue(envelope.indexOf("\"sequence\":0") < envelope.indexOf("\"data\":"), envelope);
  }

  @Test
  void optionalAttributesAreLeftOutRatherThanWrittenEmpty() throws Exception {
    JsonNode json = JSON.readTree(envelope(1, null, TraceParent.NONE));

    assertFalse(json.has("district"));
    assertFalse(json.has("traceparent"));
  }

  @Test
  void aMissingCausationIsLeftOutNotRefused() throws Exception {
    CommandContext uncaused =
        new CommandContext(
            new Actor("system:escrow-monitor", "system", null, null, null, null, null),
            "corr-2",
            null);
    String envelope =
        CloudEventEnvelope.build(
            JSON,
            ENROLMENT,
            ID,
            Instant.parse("2026-12-06T04:09:05Z"),
            uncaused,
            TraceParent.NONE,
            new DomainEvent("Child", "c-1", 1, "ChildRegistered.v1", null, Map.of()));

    JsonNode json = JSON.readTree(envelope);
    assertFalse(json.has("causationid"));
    assertEquals("corr-2", json.path("correlationid").asText());
  }

  @Test
  void theSdkReadsBackWhatItWrote() {
    CloudEvent event =
        new JsonFormat()
            .deserialize(envelope(2, "tiedong", TraceParent.NONE).getBytes(StandardCharsets.UTF_8));

    assertEquals(ID.toString(), event.getId());
    assertEquals(2, event.getExtension("aggregateversion"));
    assertEquals("tiedong", event.getExtension("district"));
  }

  @Test
  void aVersionBeyondTheCloudEventsIntegerIsRefusedNotWrittenAsText() {
    assertThrows(
        ArithmeticException.class, () -> envelope(Integer.MAX_VALUE + 1L, null, TraceParent.NONE));
  }
}
