package cn.anshan.oversight.kit.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.RecordedSpans;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 2: one trace from a REST command through the outbox, the relay and Kafka into the
 * consumer's effect. The caller sends its own {@code traceparent}; everything the command caused
 * must land in that trace, parented as the hops happened.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class TracingTest {
  static final String TOPIC = "oversight.probe.events";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Random RANDOM = new Random();

  @Inject RecordedSpans spans;

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  @Test
  void aCommandsTraceReachesTheRelaysSendAndTheConsumersEffect() throws Exception {
    String traceId = hex(16);
    String callerSpan = hex(8);
    String item = UUID.randomUUID().toString();
    String bearer = Tokens.user("reg-t").role("regulator").district("tiedong").bearer();
    String token = bearer.substring(bearer.indexOf(' ') + 1);
    given()
        .header("Authorization", bearer)
        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
        .contentType(ContentType.JSON)
        .body("{\"label\":\"traced\"}")
        .post("/probe/items/{id}/labels", item)
        .then()
        .statusCode(201);

    SpanData server = await(traceId, s -> s.getKind() == SpanKind.SERVER);
    assertEquals(callerSpan, server.getParentSpanId(), "the server span continues the caller's");

    // the event names the command's span, as the CloudEvents distributed-tracing extension
    ConsumerRecord<String, String> record =
        KafkaRecords.await(TOPIC, r -> item.equals(r.key()), 1, Duration.ofSeconds(60)).get(0);
    JsonNode envelope = JSON.readTree(record.value());
    assertEquals(
        "00-" + traceId + "-" + server.getSpanId() + "-01", envelope.path("traceparent").asText());

    SpanData send = await(traceId, s -> s.getKind() == SpanKind.PRODUCER);
    assertEquals("send " + TOPIC, send.getName());
    assertEquals(server.getSpanId(), send.getParentSpanId(), "the relay's send");
    assertEquals(envelope.path("id").asText(), attribute(send, "cloudevents.event_id"));
    Header header = record.headers().lastHeader("traceparent");
    assertEquals(
        "00-" + traceId + "-" + send.getSpanId() + "-01",
        new String(header.value(), StandardCharsets.UTF_8),
        "the Kafka header names the send");

    SpanData effect = await(traceId, s -> s.getKind() == SpanKind.CONSUMER);
    assertEquals("process probe-effects", effect.getName());
    assertEquals(server.getSpanId(), effect.getParentSpanId(), "the consumer's effect");
    assertEquals(envelope.path("id").asText(), attribute(effect, "cloudevents.event_id"));
    assertEquals(envelope.path("type").asText(), attribute(effect, "cloudevents.event_type"));
    assertFalse(
        spans.ofTrace(traceId).stream()
            .anyMatch(s -> s.getAttributes().asMap().values().toString().contains(token)),
        "no span carries the token");
  }

  @Test
  void aCommandWithoutACallerStartsItsOwnTrace() throws Exception {
    String item = UUID.randomUUID().toString();
    given()
        .header(
            "Authorization", Tokens.user("reg-t").role("regulator").district("tiedong").bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"untraced caller\"}")
        .post("/probe/items/{id}/labels", item)
        .then()
        .statusCode(201);
    JsonNode envelope =
        JSON.readTree(
            KafkaRecords.await(TOPIC, r -> item.equals(r.key()), 1, Duration.ofSeconds(60))
                .get(0)
                .value());
    String traceId = envelope.path("traceparent").asText().split("-")[1];
    SpanData effect = await(traceId, s -> s.getKind() == SpanKind.CONSUMER);
    assertEquals(envelope.path("id").asText(), attribute(effect, "cloudevents.event_id"));
  }

  private SpanData await(String traceId, Predicate<SpanData> which) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> spans.ofTrace(traceId).stream().filter(which).toList(), l -> !l.isEmpty())
        .get(0);
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }
}
