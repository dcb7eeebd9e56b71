package cn.anshan.oversight.escrow.domain.order;

import jakarta.persistence.Embeddable;

/**
 * What an order has paid into custody, asked to consume, released and refunded so far: the counters
 * PRE-05, REL-02 and the refund rules are decided on (the money itself is in the ledger). Each step
 * returns the next tally; nothing is ever subtracted.
 *
 * @param lessonsPaid lessons covered by the instalments paid so far; only these can be consumed
 */
@Embeddable
public record OrderTally(
    int instalmentsPaid,
    int lessonsPaid,
    long paidFen,
    int lessonsRequested,
    int lessonsReleased,
    long releasedFen,
    long refundedFen) {

  static final OrderTally NONE = new OrderTally(0, 0, 0, 0, 0, 0, 0);

  OrderTally paid(Order.Instalment instalment) {
    return new OrderTally(
        instalment.number(),
        lessonsPaid + instalment.lessons(),
        paidFen + instalment.amountFen(),
        lessonsRequested,
        lessonsReleased,
        releasedFen,
        refundedFen);
  }

  OrderTally requested() {
    return new OrderTally(
        instalmentsPaid,
        lessonsPaid,
        paidFen,
        lessonsRequested + 1,
        lessonsReleased,
        releasedFen,
        refundedFen);
  }

  OrderTally released(long amountFen) {
    return new OrderTally(
        instalmentsPaid,
        lessonsPaid,
        paidFen,
        lessonsRequested,
        lessonsReleased + 1,
        releasedFen + amountFen,
        refundedFen);
  }

  OrderTally refunded(long amountFen) {
    return new OrderTally(
        instalmentsPaid,
        lessonsPaid,
        paidFen,
        lessonsRequested,
        lessonsReleased,
        releasedFen,
        refundedFen + amountFen);
  }

  /** Value still in custody for the family: paid so far, less released, less refunded. */
  public long unconsumedFen() {
    return paidFen - releasedFen - refundedFen;
  }
}
