package cn.anshan.oversight.escrow.domain.ledger;

/** TigerBeetle-style two-phase transfers: a pending entry is later posted or voided, once. */
public enum EntryKind {
  /** Moves posted balances at once. */
  POSTED,
  /** Reserves: moves only pending balances until resolved. */
  PENDING,
  /** Resolves a pending entry by posting it. */
  POST_PENDING,
  /** Resolves a pending entry by voiding it (the reservation returns). */
  VOID_PENDING
}
