package cn.anshan.oversight.registry.domain.unlicensed;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * Events of aggregate {@code UnlicensedOperator} (issue 18 item 1). They carry ids, the district,
 * the test's parts and the outcome: never the operator's name, address or the evidence, which may
 * name a private person and stay in the registry. Factories return pending events; the operator
 * numbers each where it is appended.
 */
public final class UnlicensedOperatorEvents {
  private UnlicensedOperatorEvents() {}

  public record UnlicensedOperatorRecorded(
      UUID operatorId,
      String district,
      Discovery discoveredThrough,
      String sourceReference,
      Instant recordedAt) {}

  public record UnlicensedOperatorAssessed(
      UUID operatorId,
      String district,
      boolean venueOrOnline,
      int staffCount,
      boolean organised,
      boolean subjectTraining,
      OperatorFinding finding,
      String ruleId,
      Instant assessedAt) {}

  public record UnlicensedOperatorSanctioned(
      UUID operatorId,
      String district,
      UUID sanctionId,
      OperatorSanctionType type,
      String ruleId,
      Long fineFen,
      Long illegalGainsFen,
      String referredTo,
      ListStatus listStatus,
      Instant imposedAt) {}

  static PendingEvent recorded(UnlicensedOperator o) {
    return event(
        o,
        "UnlicensedOperatorRecorded.v1",
        new UnlicensedOperatorRecorded(
            o.id(), o.district(), o.discoveredThrough(), o.sourceReference(), o.recordedAt()));
  }

  static PendingEvent assessed(UnlicensedOperator o) {
    ThreePartTest test = o.test();
    return event(
        o,
        "UnlicensedOperatorAssessed.v1",
        new UnlicensedOperatorAssessed(
            o.id(),
            o.district(),
            test.venueOrOnline(),
            test.staffCount(),
            test.organised(),
            test.subjectTraining(),
            o.finding(),
            o.finding().rule(),
            o.assessedAt()));
  }

  static PendingEvent sanctioned(UnlicensedOperator o, OperatorSanction s) {
    return event(
        o,
        "UnlicensedOperatorSanctioned.v1",
        new UnlicensedOperatorSanctioned(
            o.id(),
            o.district(),
            s.id(),
            s.type(),
            s.ruleId(),
            s.fineFen(),
            s.illegalGainsFen(),
            s.referredTo(),
            o.listStatus(),
            s.imposedAt()));
  }

  private static PendingEvent event(UnlicensedOperator o, String name, Object data) {
    return new PendingEvent(
        UnlicensedOperator.AGGREGATE_TYPE, o.id().toString(), name, o.district(), data);
  }
}
