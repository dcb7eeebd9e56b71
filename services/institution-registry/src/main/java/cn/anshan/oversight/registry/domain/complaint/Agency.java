package cn.anshan.oversight.registry.domain.complaint;

/** A department other than the education bureau that a complaint is routed to. */
public enum Agency {
  MARKET_REGULATOR
}
