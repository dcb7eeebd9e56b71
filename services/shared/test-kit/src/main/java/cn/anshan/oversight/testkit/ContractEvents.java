package cn.anshan.oversight.testkit;

import cn.anshan.oversight.contracts.EventContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Events a service published on the real broker, each checked against its contract. */
public final class ContractEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractEvents() {}

  /**
   * A copy of the golden example {@code contracts/events/<context>/<name>.example.json} (e.g.
   * {@code golden("registry", "InstitutionBlacklisted.v1")}) with a new event id, to publish as
   * another service's event.
   */
  public static ObjectNode golden(String context, String name) {
    String path = "contracts/events/" + context + "/" + name + ".example.json";
    try (InputStream in = ContractEvents.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no golden example " + path);
      }
      ObjectNode event = (ObjectNode) JSON.readTree(in);
      event.put("id", UUID.randomUUID().toString());
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code expected} events of one aggregate (record key) on {@code topic}, in order. */
  public static List<JsonNode> of(String topic, String key, int expected) {
    return of(topic, key, expected, Duration.ofSeconds(30));
  }

  public static List<JsonNode> of(String topic, String key, int expected, Duration timeout) {
    return KafkaRecords.await(topic, r -> key.equals(r.key()), expected, timeout).stream()
        .map(
            r -> {
              EventContracts.assertValid(r.value());
              try {
                return JSON.readTree(r.value());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }
}
