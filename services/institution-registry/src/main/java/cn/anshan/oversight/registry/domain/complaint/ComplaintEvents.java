package cn.anshan.oversight.registry.domain.complaint;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of aggregate {@code Complaint} (§11 row 14). They carry ids, category and dates only:
 * never the texts, and the parent only as the envelope's actor of ComplaintFiled. Factories return
 * pending events; the complaint numbers each where it is appended.
 */
public final class ComplaintEvents {
  private ComplaintEvents() {}

  public record ComplaintFiled(
      UUID complaintId,
      String institutionId,
      String district,
      ComplaintCategory category,
      Agency routedTo,
      Instant filedAt,
      LocalDate answerDueBy) {}

  public record ComplaintAnswered(
      UUID complaintId,
      String institutionId,
      String district,
      ComplaintCategory category,
      LocalDate answerDueBy,
      Instant answeredAt) {}

  public record ComplaintClosed(
      UUID complaintId,
      String institutionId,
      String district,
      ComplaintCategory category,
      ComplaintOutcome outcome,
      Instant closedAt) {}

  public record ComplaintAnswerOverdue(
      UUID complaintId,
      String institutionId,
      String district,
      ComplaintCategory category,
      Instant filedAt,
      LocalDate answerDueBy) {}

  static PendingEvent filed(Complaint c) {
    return event(
        c,
        "ComplaintFiled.v1",
        new ComplaintFiled(
            c.id(),
            c.institutionId(),
            c.district(),
            c.category(),
            c.routedTo(),
            c.filedAt(),
            c.answerDueBy()));
  }

  static PendingEvent answered(Complaint c) {
    return event(
        c,
        "ComplaintAnswered.v1",
        new ComplaintAnswered(
            c.id(),
            c.institutionId(),
            c.district(),
            c.category(),
            c.answerDueBy(),
            c.answeredAt()));
  }

  static PendingEvent closed(Complaint c) {
    return event(
        c,
        "ComplaintClosed.v1",
        new ComplaintClosed(
            c.id(), c.institutionId(), c.district(), c.category(), c.outcome(), c.closedAt()));
  }

  static PendingEvent answerOverdue(Complaint c) {
    return event(
        c,
        "ComplaintAnswerOverdue.v1",
        new ComplaintAnswerOverdue(
            c.id(), c.institutionId(), c.district(), c.category(), c.filedAt(), c.answerDueBy()));
  }

  private static PendingEvent event(Complaint c, String name, Object data) {
    return new PendingEvent(Complaint.AGGREGATE_TYPE, c.id().toString(), name, c.district(), data);
  }
}
