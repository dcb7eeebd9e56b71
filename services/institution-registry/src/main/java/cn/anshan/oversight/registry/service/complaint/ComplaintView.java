package cn.anshan.oversight.registry.service.complaint;

import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.complaint.Agency;
import cn.anshan.oversight.registry.domain.complaint.Complaint;
import cn.anshan.oversight.registry.domain.complaint.ComplaintCategory;
import cn.anshan.oversight.registry.domain.complaint.ComplaintOutcome;
import cn.anshan.oversight.registry.domain.complaint.ComplaintStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint as its reader may see it. {@code filedBy} (the parent's subject) is left out for the
 * institution's operator.
 */
public record ComplaintView(
    UUID complaintId,
    long version,
    String institutionId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String operatorName,
    @JsonInclude(JsonInclude.Include.NON_NULL) String operatorAddress,
    String district,
    ComplaintCategory category,
    String description,
    Agency routedTo,
    ComplaintStatus status,
    @JsonInclude(JsonInclude.Include.NON_NULL) String filedBy,
    Instant filedAt,
    LocalDate answerDueBy,
    String answer,
    Instant answeredAt,
    Instant answerOverdueReportedAt,
    ComplaintOutcome outcome,
    String closingNote,
    Instant closedAt) {

  static ComplaintView of(Complaint c, String readerRole) {
    return new ComplaintView(
        c.id(),
        c.version(),
        c.institutionId(),
        c.operatorName(),
        c.operatorAddress(),
        c.district(),
        c.category(),
        c.description(),
        c.routedTo(),
        c.status(),
        Roles.INSTITUTION_OPERATOR.equals(readerRole) ? null : c.filedBy(),
        c.filedAt(),
        c.answerDueBy(),
        c.answer(),
        c.answeredAt(),
        c.overdueReportedAt(),
        c.outcome(),
        c.closingNote(),
        c.closedAt());
  }
}
