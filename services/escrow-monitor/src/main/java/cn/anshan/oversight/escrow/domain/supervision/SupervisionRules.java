package cn.anshan.oversight.escrow.domain.supervision;

import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.List;

/** Opening the one supervised account, and what the risk reserve takes (PRE-09…12, LN-PRE-02). */
public final class SupervisionRules {
  public static final String ONE_ACCOUNT_RULE = "LN-PRE-02";
  public static final String MODE_RULE = "PRE-09";

  /** PRE-12: risk-reserve mode, its agreement, account and prescribed deposit. */
  public static final String RESERVE_RULE = "PRE-12";

  private SupervisionRules() {}

  /** PRE-09: the locality decides which supervision modes it uses (configuration). */
  public static void requireAllowedMode(List<String> allowedModes, SupervisionMode mode) {
    if (!allowedModes.contains(mode.name())) {
      throw ProblemException.rule(MODE_RULE, "the locality does not use supervision mode " + mode);
    }
  }

  /**
   * What opening the one supervised account depends on, all read before anything is decided: the
   * institution's standing (null until the registry reported it), its supervision if it has one,
   * and whether the account number is another institution's.
   */
  public record AccountOpening(
      InstitutionStanding standing, Supervision existing, boolean accountTaken) {
    /** The institution's standing, unless the opening is refused (PRE-10 / LN-PRE-02). */
    public InstitutionStanding requireOpenable(String institutionId, String accountNo) {
      if (standing == null || standing.district() == null) {
        throw ProblemException.notFound(
            "institution " + institutionId + " (not yet reported by the registry)");
      }
      if (existing != null) {
        throw ProblemException.rule(
            ONE_ACCOUNT_RULE,
            "the institution already has its one supervised account " + existing.accountNo());
      }
      if (accountTaken) {
        throw ProblemException.rule(
            ONE_ACCOUNT_RULE,
            "account " + accountNo + " is another institution's supervised account");
      }
      return standing;
    }
  }

  /** PRE-12: a reserve is deposited only for an institution supervised in reserve mode. */
  public static Supervision requireReserveMode(Supervision supervision) {
    if (supervision.mode() != SupervisionMode.RISK_RESERVE) {
      throw ProblemException.rule(
          RESERVE_RULE, "the institution is supervised by custody, not a reserve");
    }
    return supervision;
  }
}
