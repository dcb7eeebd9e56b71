package cn.anshan.oversight.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.audit.domain.EntityFold.AtRecorded;
import cn.anshan.oversight.audit.domain.EntityFold.AtTime;
import cn.anshan.oversight.audit.domain.EntityFold.AtVersion;
import cn.anshan.oversight.audit.domain.EntityFold.Event;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 7 capability 3: the state as of a version or an instant equals folding the prefix of the
 * entity's events, whatever order the events arrived in.
 */
class AsOfPropertyTest {
  static final Instant BASE = Instant.parse("2026-09-01T00:00:00Z");

  record Seed(int type, int timeStep, int recordedJitter, Map<String, Integer> data) {}

  @Provide
  Arbitrary<List<Seed>> histories() {
    Arbitrary<Map<String, Integer>> data =
        Arbitraries.maps(
                Arbitraries.of("status", "amountFen", "listStatus", "district", "hours"),
                Arbitraries.integers().between(-5, 5))
            .ofMaxSize(4);
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 3600),
            Arbitraries.integers().between(0, 600),
            data)
        .as(Seed::new)
        .list()
        .ofMinSize(0)
        .ofMaxSize(25);
  }

  /** Events with versions 1..n and non-decreasing business time, in version order. */
  static List<Event> events(List<Seed> seeds, boolean arrivedInOrder) {
    List<Event> events = new ArrayList<>();
    Instant time = BASE;
    for (int i = 0; i < seeds.size(); i++) {
      Seed s = seeds.get(i);
      time = time.plusSeconds(s.timeStep());
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      s.data().forEach(data::put);
      Instant recorded =
          arrivedInOrder
              ? BASE.plusSeconds(100_000L + i * 1000L + s.recordedJitter())
              : BASE.plusSeconds(100_000L + s.recordedJitter() * 7L);
      events.add(new Event(i + 1, "Type" + s.type() + ".v1", time, recorded, data));
    }
    return events;
  }

  static List<Event> shuffled(List<Event> events, long seed) {
    List<Event> arrival = new ArrayList<>(events);
    Collections.shuffle(arrival, new Random(seed));
    return arrival;
  }

  @Property(tries = 300)
  @Label("as of version k = fold of the first k events, in any arrival order")
  void asOfVersionIsTheFoldOfThePrefix(
      @ForAll("histories") List<Seed> seeds,
      @ForAll @IntRange(min = 0, max = 30) int k,
      @ForAll long seed) {
    List<Event> history = events(seeds, false);
    assertEquals(
        EntityFold.fold(history.subList(0, Math.min(k, history.size()))),
        EntityFold.asOf(shuffled(history, seed), new AtVersion(k)));
  }

  @Property(tries = 300)
  @Label("as of a business instant = fold of the events up to it, in any arrival order")
  void asOfTimeIsTheFoldOfThePrefix(
      @ForAll("histories") List<Seed> seeds,
      @ForAll @IntRange(min = -10, max = 100_000) int secondsAfterBase,
      @ForAll long seed) {
    List<Event> history = events(seeds, false);
    Instant t = BASE.plusSeconds(secondsAfterBase);
    int prefix = 0;
    while (prefix < history.size() && !history.get(prefix).time().isAfter(t)) {
      prefix++;
    }
    assertEquals(
        EntityFold.fold(history.subList(0, prefix)),
        EntityFold.asOf(shuffled(history, seed), new AtTime(t)));
  }

  @Property(tries = 300)
  @Label("as of a recording instant = fold of the prefix when events arrived in order")
  void asOfRecordedIsTheFoldOfThePrefixForInOrderArrival(
      @ForAll("histories") List<Seed> seeds,
      @ForAll @IntRange(min = 99_000, max = 130_000) int secondsAfterBase,
      @ForAll long seed) {
    List<Event> history = events(seeds, true);
    Instant t = BASE.plusSeconds(secondsAfterBase);
    int prefix = 0;
    while (prefix < history.size() && !history.get(prefix).recordedAt().isAfter(t)) {
      prefix++;
    }
    assertEquals(
        EntityFold.fold(history.subList(0, prefix)),
        EntityFold.asOf(shuffled(history, seed), new AtRecorded(t)));
  }

  @Property(tries = 300)
  @Label("as of a recording instant = fold, in version order, of what had arrived by then")
  void asOfRecordedFoldsWhatHadArrived(
      @ForAll("histories") List<Seed> seeds,
      @ForAll @IntRange(min = 99_000, max = 105_000) int secondsAfterBase,
      @ForAll long seed) {
    List<Event> history = events(seeds, false);
    Instant t = BASE.plusSeconds(secondsAfterBase);
    List<Event> known =
        history.stream()
            .filter(e -> !e.recordedAt().isAfter(t))
            .sorted(Comparator.comparingLong(Event::version))
            .toList();
    assertEquals(
        EntityFold.fold(known), EntityFold.asOf(shuffled(history, seed), new AtRecorded(t)));
  }

  @Property(tries = 100)
  @Label("a later event's field overwrites an earlier one; absent fields keep their value")
  void laterFieldsWin(@ForAll("histories") List<Seed> seeds) {
    List<Event> history = events(seeds, true);
    ObjectNode state = EntityFold.fold(history);
    for (String field : List.of("status", "amountFen", "listStatus", "district", "hours")) {
      Integer expected = null;
      for (Seed s : seeds) {
        if (s.data().containsKey(field)) {
          expected = s.data().get(field);
        }
      }
      assertEquals(
          expected,
          state.path("fields").has(field) ? state.path("fields").get(field).asInt() : null);
    }
    assertEquals(history.size(), state.path("version").asInt());
  }
}
