package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.escrow.domain.ledger.EntryLine;
import cn.anshan.oversight.escrow.domain.ledger.Side;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A stored line of a journal entry; only ever inserted. */
@Entity
@Table(name = "journal_line")
public class JournalLineRow {
  @Id private UUID id;

  @Column(updatable = false)
  private UUID entryId;

  @Column(updatable = false)
  private int lineNo;

  @Column(updatable = false)
  private String accountId;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private Side side;

  @Column(updatable = false)
  private long amountFen;

  protected JournalLineRow() {}

  public static JournalLineRow of(UUID entryId, int lineNo, EntryLine line) {
    JournalLineRow row = new JournalLineRow();
    row.id = UUID.randomUUID();
    row.entryId = entryId;
    row.lineNo = lineNo;
    row.accountId = line.accountId();
    row.side = line.side();
    row.amountFen = line.amountFen();
    return row;
  }

  public EntryLine toLine() {
    AccountType type = AccountType.valueOf(accountId.substring(0, accountId.indexOf(':')));
    return new EntryLine(accountId, type, side, amountFen);
  }

  public UUID entryId() {
    return entryId;
  }

  public int lineNo() {
    return lineNo;
  }
}
