package cn.anshan.oversight.audit.rest;

import static io.restassured.RestAssured.given;

import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;

/** CloudEvents of the platform envelope for audit tests, published on the real broker. */
public final class AuditFixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();
  public static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");
  public static final String REGISTRY = "oversight.registry.events";
  public static final String ESCROW = "oversight.escrow.events";

  private AuditFixtures() {}

  /** A producer of its own (unique source), so sequence checks of one test see only its events. */
  public static String newSource() {
    Random random = new Random();
    StringBuilder name = new StringBuilder("/oversight/probe-");
    for (int i = 0; i < 10; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  /** Builder of one event. */
  public static final class Ev {
    final ObjectNode json = MAPPER.createObjectNode();
    final ObjectNode data = MAPPER.createObjectNode();

    public static Ev of(String source, String type, String aggregateType, String aggregateId) {
      Ev ev = new Ev();
      ev.json.put("specversion", "1.0");
      ev.json.put("id", UUID.randomUUID().toString());
      ev.json.put("source", source);
      ev.json.put("type", type);
      ev.json.put("subject", aggregateType + "/" + aggregateId);
      ev.json.put("time", Instant.parse("2026-09-01T00:00:00Z").toString());
      ev.json.put("datacontenttype", "application/json");
      ev.json.put("dataschema", "https://oversight.anshan.gov.cn/contracts/events/x.schema.json");
      ev.json.put("aggregatetype", aggregateType);
      ev.json.put("aggregateid", aggregateId);
      ev.json.put("aggregateversion", 1);
      ev.json.put("sequence", 1);
      ev.json.put("actor", "system:test");
      ev.json.put("actorrole", "system");
      ev.json.put("district", "tiedong");
      ev.json.put("correlationid", UUID.randomUUID().toString());
      ev.json.put("causationid", UUID.randomUUID().toString());
      ev.json.put("ruleversion", "2026.1");
      return ev;
    }

    public Ev version(long v) {
      json.put("aggregateversion", v);
      return this;
    }

    public Ev seq(long s) {
      json.put("sequence", s);
      return this;
    }

    public Ev time(String instant) {
      json.put("time", instant);
      return this;
    }

    public Ev actor(String actor, String role) {
      json.put("actor", actor);
      json.put("actorrole", role);
      return this;
    }

    public Ev district(String district) {
      json.put("district", district);
      return this;
    }

    public Ev correlation(String id) {
      json.put("correlationid", id);
      return this;
    }

    /** The CloudEvents traceparent of the request that caused the event. */
    public Ev trace(String traceId) {
      json.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
      return this;
    }

    public Ev data(String field, Object value) {
      data.putPOJO(field, value);
      return this;
    }

    public String id() {
      return json.path("id").asText();
    }

    public String json() {
      ObjectNode copy = json.deepCopy();
      copy.set("data", data);
      try {
        return MAPPER.writeValueAsString(copy);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static void publish(String topic, String key, Ev... events) {
    String[] values = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      values[i] = events[i].json();
    }
    KafkaRecords.send(topic, key, values);
  }

  public static JsonPath timeline(Tokens who, String entityId, String query) {
    return given()
        .header("Authorization", who.bearer())
        .get("/api/v1/audit/timelines/" + entityId + (query == null ? "" : "?" + query))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The auditor's verification report; {@code query} is empty or names entityId / source. */
  public static JsonPath verification(String query) {
    return given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/audit/verification" + (query.isEmpty() ? "" : "?" + query))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the store holds the event (ingest is asynchronous). */
  public static void awaitStored(String... eventIds) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              for (String id : eventIds) {
                if (cn.anshan.oversight.testkit.TestInfra.count(
                        "select count(*) from audit_event where event_id = ?::uuid", id)
                    == 0) {
                  return false;
                }
              }
              return true;
            });
  }
}
