package cn.anshan.oversight.registry.service.unlicensed;

import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.unlicensed.Discovery;
import cn.anshan.oversight.registry.domain.unlicensed.OperatorFinding;
import cn.anshan.oversight.registry.domain.unlicensed.OperatorSanction;
import cn.anshan.oversight.registry.domain.unlicensed.OperatorSanctionType;
import cn.anshan.oversight.registry.domain.unlicensed.ThreePartTest;
import cn.anshan.oversight.registry.domain.unlicensed.UnlicensedOperator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An unlicensed operator's case as its district's regulator and auditors see it. */
public record UnlicensedOperatorView(
    UUID operatorId,
    long version,
    String name,
    String district,
    String address,
    String onlinePresence,
    Discovery discoveredThrough,
    String sourceReference,
    Instant recordedAt,
    ThreePartTest test,
    OperatorFinding finding,
    Instant assessedAt,
    ListStatus listStatus,
    Instant blacklistedAt,
    List<Sanction> sanctions) {

  @Schema(name = "OperatorSanctionView")
  public record Sanction(
      UUID sanctionId,
      OperatorSanctionType type,
      String ruleId,
      Long fineFen,
      Long illegalGainsFen,
      String referredTo,
      String detail,
      Instant imposedAt) {

    static Sanction of(OperatorSanction s) {
      return new Sanction(
          s.id(),
          s.type(),
          s.ruleId(),
          s.fineFen(),
          s.illegalGainsFen(),
          s.referredTo(),
          s.detail(),
          s.imposedAt());
    }
  }

  static UnlicensedOperatorView of(UnlicensedOperator o, List<OperatorSanction> sanctions) {
    return new UnlicensedOperatorView(
        o.id(),
        o.version(),
        o.name(),
        o.district(),
        o.address(),
        o.onlinePresence(),
        o.discoveredThrough(),
        o.sourceReference(),
        o.recordedAt(),
        o.test(),
        o.finding(),
        o.assessedAt(),
        o.listStatus(),
        o.blacklistedAt(),
        sanctions.stream().map(Sanction::of).toList());
  }
}
