package cn.anshan.oversight.escrow.domain.ledger;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.function.LongSupplier;

/**
 * Balances of one account, TigerBeetle style: pending and posted amounts on each side. Mutable only
 * through {@link Ledger}; the stored row must always equal the replay of its entries.
 */
public final class Account {
  /** REL-13: control of large fund movements; an amount the ledger cannot represent is refused. */
  public static final String OVERFLOW_RULE = "REL-13";

  private final String id;
  private final AccountType type;
  private long debitsPending;
  private long debitsPosted;
  private long creditsPending;
  private long creditsPosted;

  public Account(
      String id,
      AccountType type,
      long debitsPending,
      long debitsPosted,
      long creditsPending,
      long creditsPosted) {
    this.id = id;
    this.type = type;
    this.debitsPending = debitsPending;
    this.debitsPosted = debitsPosted;
    this.creditsPending = creditsPending;
    this.creditsPosted = creditsPosted;
  }

  public static Account empty(String id, AccountType type) {
    return new Account(id, type, 0, 0, 0, 0);
  }

  public Account copy() {
    return new Account(id, type, debitsPending, debitsPosted, creditsPending, creditsPosted);
  }

  /** Posted balance on the account's normal side. */
  public long balance() {
    return type.normal() == Side.DEBIT
        ? exact(() -> Math.subtractExact(debitsPosted, creditsPosted))
        : exact(() -> Math.subtractExact(creditsPosted, debitsPosted));
  }

  /** What may still leave the account: the balance less pending outflows. */
  public long available() {
    return type.normal() == Side.DEBIT
        ? exact(() -> Math.subtractExact(balance(), creditsPending))
        : exact(() -> Math.subtractExact(balance(), debitsPending));
  }

  /** Balance including pending inflows and outflows (what the account will hold when settled). */
  public long pendingInflow() {
    return type.normal() == Side.DEBIT ? debitsPending : creditsPending;
  }

  void apply(Side side, long amount, boolean pending, int sign) {
    long delta = exact(() -> Math.multiplyExact(sign, amount));
    if (side == Side.DEBIT) {
      if (pending) {
        debitsPending = exact(() -> Math.addExact(debitsPending, delta));
      } else {
        debitsPosted = exact(() -> Math.addExact(debitsPosted, delta));
      }
    } else if (pending) {
      creditsPending = exact(() -> Math.addExact(creditsPending, delta));
    } else {
      creditsPosted = exact(() -> Math.addExact(creditsPosted, delta));
    }
  }

  /**
   * REL-13: a sum that leaves the range of a long is refused, never wrapped: one huge amount must
   * not turn later balances negative.
   */
  private long exact(LongSupplier arithmetic) {
    try {
      return arithmetic.getAsLong();
    } catch (ArithmeticException e) {
      throw ProblemException.rule(OVERFLOW_RULE, "account " + id + " would leave the range of fen");
    }
  }

  boolean consistent() {
    return debitsPending >= 0
        && debitsPosted >= 0
        && creditsPending >= 0
        && creditsPosted >= 0
        && available() >= 0;
  }

  public String id() {
    return id;
  }

  public AccountType type() {
    return type;
  }

  public long debitsPending() {
    return debitsPending;
  }

  public long debitsPosted() {
    return debitsPosted;
  }

  public long creditsPending() {
    return creditsPending;
  }

  public long creditsPosted() {
    return creditsPosted;
  }

  public boolean sameBalancesAs(Account other) {
    return debitsPending == other.debitsPending
        && debitsPosted == other.debitsPosted
        && creditsPending == other.creditsPending
        && creditsPosted == other.creditsPosted;
  }

  @Override
  public String toString() {
    return id
        + "{dp="
        + debitsPending
        + ", d="
        + debitsPosted
        + ", cp="
        + creditsPending
        + ", c="
        + creditsPosted
        + "}";
  }
}
