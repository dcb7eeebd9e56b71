package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.repository.EventStore.Incoming;
import cn.anshan.oversight.audit.repository.EventStore.Parsed;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records set aside in {@code rejected_record} instead of stored: not an envelope the store can
 * keep, or an event id already stored with other content (PLT-11), which the compliance scan then
 * reports.
 */
final class IdConflicts {
  /** How a record carrying a stored event's id with other content is set aside (rule PLT-11). */
  static final String ID_CONFLICT = "EventIdConflict";

  private IdConflicts() {}

  /** The rejected_record row of a record set aside for {@code reason}. */
  static Tuple rejected(Incoming record, String reason) {
    return Tuple.of(record.topic(), record.partition(), record.offset(), reason, record.value());
  }

  /**
   * A redelivery carries the very bytes that were stored (the outbox keeps the envelope); a record
   * with a stored event's id and other content is a forgery or a producer bug. The stored copy
   * stays; the other is set aside in rejected_record, where the compliance scan reports it.
   */
  static List<Tuple> withConflicts(
      List<Tuple> rejected,
      Map<UUID, Parsed> unique,
      List<Parsed> repeats,
      Map<UUID, String> stored) {
    List<Tuple> all = new ArrayList<>(rejected);
    for (Parsed p : unique.values()) {
      String reference = stored.get(p.event().id());
      if (reference != null) {
        addIfConflicting(all, p, reference, "the stored event");
      }
    }
    for (Parsed p : repeats) {
      Parsed first = unique.get(p.event().id());
      String reference = stored.get(p.event().id());
      if (reference != null) {
        addIfConflicting(all, p, reference, "the stored event");
      } else if (!first.event().payload().equals(p.event().payload())) {
        addIfConflicting(
            all,
            p,
            ChainHash.eventHash(first.event().payload()),
            "the record stored from offset " + first.record().offset());
      }
    }
    return all;
  }

  /** The rejected_record reason of a conflict; {@link #conflictingEvent} reads it back. */
  static String conflictReason(UUID storedEvent, String reference) {
    return ID_CONFLICT + ": event " + storedEvent + " with other content than " + reference;
  }

  /** The stored event a conflict reason names. */
  static UUID conflictingEvent(String reason) {
    return UUID.fromString(reason.substring((ID_CONFLICT + ": event ").length()).split(" ", 2)[0]);
  }

  private static void addIfConflicting(
      List<Tuple> rejected, Parsed p, String referenceHash, String reference) {
    if (!referenceHash.equals(ChainHash.eventHash(p.event().payload()))) {
      rejected.add(rejected(p.record(), conflictReason(p.event().id(), reference)));
    }
  }
}
