package cn.anshan.oversight.registry.domain.unlicensed;

/**
 * What the regulator decides for an operator: the outcome, the amounts a fine is measured by and
 * the agency a referral goes to. Amounts are in fen.
 */
public record SanctionOrder(
    OperatorSanctionType type,
    Long fineFen,
    Long illegalGainsFen,
    String referredTo,
    String detail) {}
