package cn.anshan.oversight.escrow.domain.ledger;

/** What a journal entry is for. */
public enum EntryCode {
  /** The custody bank received a family's prepayment (PRE-05). */
  PREPAYMENT_RECEIVED,
  /** One lesson's price reserved for the institution (一课一消, REL-01). */
  LESSON_RESERVED,
  /** A confirmed lesson's reservation posted to the institution (REL-02). */
  LESSON_RELEASED,
  /** A reservation returned to the family (refund, REL-05 / REL-09). */
  LESSON_RETURNED,
  /** Released money leaves custody for the institution's basic account (REL-02). */
  INSTITUTION_PAYOUT,
  /** A refund leaves custody by the original payment route (REL-05). */
  REFUND_PAYOUT,
  /** Money paid into the risk reserve (PRE-12). */
  RESERVE_DEPOSITED
}
