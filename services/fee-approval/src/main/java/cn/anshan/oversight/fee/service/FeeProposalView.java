package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.ApprovedFee;
import cn.anshan.oversight.fee.domain.ConsultationMethod;
import cn.anshan.oversight.fee.domain.ConsultationOutcome;
import cn.anshan.oversight.fee.domain.ConsultationRecord;
import cn.anshan.oversight.fee.domain.CostBreakdown;
import cn.anshan.oversight.fee.domain.Department;
import cn.anshan.oversight.fee.domain.FeeBasis;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeRejection;
import cn.anshan.oversight.fee.domain.FeeStatus;
import cn.anshan.oversight.fee.domain.JointSignatures;
import cn.anshan.oversight.fee.domain.Payee;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.domain.SchoolLevel;
import cn.anshan.oversight.fee.domain.SubmissionReturn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A fee proposal as the API shows it; money in fen. */
public record FeeProposalView(
    UUID proposalId,
    long version,
    String schoolId,
    String district,
    String termId,
    LocalDate termStart,
    LocalDate termEnd,
    ProgrammeType programmeType,
    int revision,
    UUID revisesProposalId,
    FeeStatus status,
    FeeBasis basis,
    SchoolLevel schoolLevel,
    CostBreakdown costs,
    long totalCostFen,
    int expectedParticipants,
    long proposedFeeFenPerMonth,
    Payee payee,
    String draftedBy,
    Instant draftedAt,
    Consultation consultation,
    Signature educationSignature,
    Signature pricingSignature,
    Instant submittedAt,
    Returned returned,
    Approval approval,
    Rejection rejection,
    Instant publishedAt,
    UUID supersededBy,
    Instant supersededAt) {

  public record Consultation(
      ConsultationMethod method,
      LocalDate heldOn,
      ConsultationOutcome outcome,
      Integer votesFor,
      Integer votesAgainst,
      Integer votesAbstained,
      String recordedBy,
      Instant recordedAt) {}

  public record Signature(String signedBy, Instant signedAt) {}

  public record Returned(Department department, List<String> reasons, Instant returnedAt) {}

  public record Approval(
      long feeFenPerMonth,
      LocalDate validFrom,
      LocalDate validTo,
      String approvedBy,
      Instant approvedAt) {}

  public record Rejection(List<String> reasons, Instant rejectedAt) {}

  public static FeeProposalView of(FeeProposal p) {
    var t = p.terms();
    return new FeeProposalView(
        p.id(),
        p.version(),
        p.schoolId(),
        p.district(),
        p.term().termId(),
        p.term().start(),
        p.term().end(),
        p.programmeType(),
        p.revision(),
        p.revisesProposalId(),
        p.status(),
        t.basis(),
        t.schoolLevel(),
        t.costs(),
        t.costs().totalFen(),
        t.expectedParticipants(),
        t.proposedFeeFenPerMonth(),
        p.payee(),
        p.draftedBy(),
        p.draftedAt(),
        consultation(p.consultation()),
        signature(p, Department.EDUCATION),
        signature(p, Department.PRICING),
        p.submittedAt(),
        returned(p.submissionReturn()),
        approval(p.approval()),
        rejection(p.rejection()),
        p.publication() == null ? null : p.publication().publishedAt(),
        p.supersession() == null ? null : p.supersession().supersededBy(),
        p.supersession() == null ? null : p.supersession().supersededAt());
  }

  private static Consultation consultation(ConsultationRecord c) {
    return c == null
        ? null
        : new Consultation(
            c.method(),
            c.heldOn(),
            c.outcome(),
            c.votesFor(),
            c.votesAgainst(),
            c.votesAbstained(),
            c.recordedBy(),
            c.recordedAt());
  }

  private static Signature signature(FeeProposal p, Department department) {
    JointSignatures signatures = p.signatures();
    return signatures.signedBy(department) == null
        ? null
        : new Signature(signatures.signedBy(department), signatures.signedAt(department));
  }

  private static Returned returned(SubmissionReturn r) {
    return r == null ? null : new Returned(r.department(), r.reasons(), r.returnedAt());
  }

  private static Rejection rejection(FeeRejection r) {
    return r == null ? null : new Rejection(r.reasons(), r.rejectedAt());
  }

  private static Approval approval(ApprovedFee a) {
    return a == null
        ? null
        : new Approval(
            a.feeFenPerMonth(), a.validFrom(), a.validTo(), a.approvedBy(), a.approvedAt());
  }
}
