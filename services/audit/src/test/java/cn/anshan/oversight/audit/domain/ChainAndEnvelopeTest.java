package cn.anshan.oversight.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Plain-Java rules of the tamper-evident store (PLT-11) and the envelope it accepts. */
class ChainAndEnvelopeTest {

  @Test
  @DisplayName("PLT-11: a link depends on the previous hash, the event and the recording instant")
  void aLinkDependsOnEveryInput() {
    Instant at = Instant.parse("2026-09-01T01:02:03.123456Z");
    String link = ChainHash.entityLink(ChainHash.GENESIS, "e", at);
    assertNotEquals(link, ChainHash.entityLink(ChainHash.sha256Hex("x"), "e", at));
    assertNotEquals(link, ChainHash.entityLink(ChainHash.GENESIS, "f", at));
    assertNotEquals(link, ChainHash.entityLink(ChainHash.GENESIS, "e", at.plusNanos(1000)));
    assertEquals(at, ChainHash.ofMicros(ChainHash.micros(at)));
    assertEquals(ChainHash.sha256Hex(ChainHash.GENESIS + ":e:" + ChainHash.micros(at)), link);
  }

  @Test
  @DisplayName("Records that are not envelopes are rejected, not stored")
  void nonEnvelopesAreRejected() {
    ObjectMapper mapper = new ObjectMapper();
    for (String bad :
        List.of(
            "{not json",
            "[]",
            "{\"specversion\":\"0.3\"}",
            "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"aggregatetype\":\"A\","
                + "\"aggregateid\":\"1\",\"aggregateversion\":1}",
            "{\"specversion\":\"1.0\",\"id\":\"6f6b34ab-974f-4f8c-b9df-f7d2b859147b\","
                + "\"source\":\"/s\",\"type\":\"t\",\"time\":\"yesterday\","
                + "\"aggregatetype\":\"A\",\"aggregateid\":\"1\",\"aggregateversion\":1}",
            "{\"specversion\":\"1.0\",\"id\":\"6f6b34ab-974f-4f8c-b9df-f7d2b859147b\","
                + "\"source\":\"/s\",\"type\":\"t\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"aggregatetype\":\"A\",\"aggregateid\":\"1\",\"aggregateversion\":0}")) {
      assertThrows(ReceivedEvent.Rejected.class, () -> ReceivedEvent.parse(mapper, bad), bad);
    }
  }

  @Test
  @DisplayName("Every golden example of every context is an envelope audit keeps")
  void everyGoldenExampleParses() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<Path> examples;
    try (Stream<Path> files = Files.walk(Path.of("../../contracts/events"))) {
      examples = files.filter(p -> p.toString().endsWith(".example.json")).toList();
    }
    assertNotEquals(0, examples.size());
    for (Path example : examples) {
      String json = Files.readString(example);
      ReceivedEvent event = ReceivedEvent.parse(mapper, json);
      assertEquals(json, event.payload(), example.toString());
    }
  }
}
