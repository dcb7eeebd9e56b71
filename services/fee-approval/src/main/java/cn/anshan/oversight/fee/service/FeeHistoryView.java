package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeHistoryEntry;
import cn.anshan.oversight.fee.domain.FeeStatus;
import java.time.Instant;

/** One step of a proposal's history. */
public record FeeHistoryView(
    long version,
    String event,
    FeeStatus statusAfter,
    String actor,
    String actorRole,
    Instant at,
    String note) {

  public static FeeHistoryView of(FeeHistoryEntry e) {
    return new FeeHistoryView(
        e.proposalVersion(),
        e.event(),
        e.statusAfter(),
        e.actor(),
        e.actorRole(),
        e.at(),
        e.note());
  }
}
