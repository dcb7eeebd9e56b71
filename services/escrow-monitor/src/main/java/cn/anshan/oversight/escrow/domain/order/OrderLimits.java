package cn.anshan.oversight.escrow.domain.order;

/**
 * The configured limits an order is placed within: the prepayment caps, the most instalments a
 * contract may split into (CON-05) and the days orders of one institution count as one (PRE-24).
 */
public record OrderLimits(PrepaymentCaps caps, int maxInstalments, int splitWindowDays) {}
