package cn.anshan.oversight.registry.service.unlicensed;

import cn.anshan.oversight.registry.domain.standing.ListStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One operator a name lookup found (PLT-12): an approved institution (any list status; its details
 * at {@code /api/v1/public/institutions/{id}}) or a black-listed unlicensed operator with the rule
 * it was sanctioned under. Public facts only.
 */
public record PublicOperatorMatch(
    Kind kind, String id, String name, String district, ListStatus listStatus, String ruleId) {

  @Schema(name = "OperatorKind")
  public enum Kind {
    INSTITUTION,
    UNLICENSED_OPERATOR
  }
}
