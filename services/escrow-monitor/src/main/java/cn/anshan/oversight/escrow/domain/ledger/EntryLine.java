package cn.anshan.oversight.escrow.domain.ledger;

/** One line of a journal entry: an amount in fen on one side of one account. */
public record EntryLine(String accountId, AccountType accountType, Side side, long amountFen) {
  public EntryLine {
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a line moves a positive amount, not " + amountFen);
    }
  }

  public static EntryLine debit(AccountType type, Object owner, long amountFen) {
    return new EntryLine(type.idFor(owner), type, Side.DEBIT, amountFen);
  }

  public static EntryLine credit(AccountType type, Object owner, long amountFen) {
    return new EntryLine(type.idFor(owner), type, Side.CREDIT, amountFen);
  }
}
