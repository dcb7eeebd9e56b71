package cn.anshan.oversight.registry.domain.standing;

/** ENF-01 penalty types. */
public enum SanctionType {
  WARNING(false),
  FINE(false),
  CONFISCATION(false),
  STOP_ENROLLING(true),
  STOP_OPERATING(true),
  LICENCE_REVOCATION(true),
  TRADE_RESTRICTION(true);

  private final boolean blacklists;

  SanctionType(boolean blacklists) {
    this.blacklists = blacklists;
  }

  /**
   * LST-01: an order to stop, a revocation or a trade restriction puts the institution on the black
   * list while in force; warnings and fines do not by themselves.
   */
  public boolean blacklists() {
    return blacklists;
  }
}
