package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.ledger.EntryCode;
import cn.anshan.oversight.escrow.domain.ledger.EntryKind;
import cn.anshan.oversight.escrow.domain.ledger.EntryLine;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored journal entry; only ever inserted (a trigger forbids UPDATE and DELETE). */
@Entity
@Table(name = "journal_entry")
public class JournalEntryRow {
  @Id private UUID id;

  @Column(insertable = false, updatable = false)
  private Long seq;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private EntryKind kind;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private EntryCode code;

  @Column(updatable = false)
  private UUID pendingId;

  @Column(updatable = false)
  private String institutionId;

  @Column(updatable = false)
  private UUID orderId;

  @Column(updatable = false)
  private Integer lessonNo;

  @Column(updatable = false)
  private String reference;

  @Column(updatable = false)
  private Instant at;

  protected JournalEntryRow() {}

  public static JournalEntryRow of(JournalEntry e) {
    JournalEntryRow row = new JournalEntryRow();
    row.id = e.id();
    row.kind = e.kind();
    row.code = e.code();
    row.pendingId = e.pendingId();
    row.institutionId = e.institutionId();
    row.orderId = e.orderId();
    row.lessonNo = e.lessonNo();
    row.reference = e.reference();
    row.at = e.at();
    return row;
  }

  public JournalEntry toEntry(List<EntryLine> lines) {
    return new JournalEntry(
        id, kind, code, pendingId, institutionId, orderId, lessonNo, reference, at, lines);
  }

  public UUID id() {
    return id;
  }

  public Integer lessonNo() {
    return lessonNo;
  }
}
