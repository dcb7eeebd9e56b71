package cn.anshan.oversight.testkit;

import cn.anshan.oversight.contracts.EventContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Events a service published on the real broker, each checked against its contract. */
public final class ContractEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContractEvents() {}

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
