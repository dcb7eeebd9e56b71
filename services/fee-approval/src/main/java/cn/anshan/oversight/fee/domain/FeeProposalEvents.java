package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.events.PendingEvent;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events of aggregate {@code FeeProposal} (DOMAIN.md §11 row 19). They carry ids, amounts in fen
 * and dates; parents appear only as the envelope's actor. Each transition of {@link FeeProposal}
 * builds its own from here and returns it in a {@link ProposalChange}; the command numbers and
 * appends it.
 */
public final class FeeProposalEvents {
  private FeeProposalEvents() {}

  public static final String DRAFTED = "FeeProposalDrafted.v1";
  public static final String AMENDED = "FeeProposalAmended.v1";

  /**
   * The fields every event of a proposal after its draft begins with (serialised flat, in this
   * order): which proposal of which school, term and programme type, its revision and the status
   * the event left it in.
   */
  public record ProposalHeader(
      String proposalId,
      String schoolId,
      String district,
      String termId,
      ProgrammeType programmeType,
      int revision,
      FeeStatus status) {
    static ProposalHeader of(FeeProposal p) {
      return new ProposalHeader(
          id(p),
          p.schoolId(),
          p.district(),
          p.term().termId(),
          p.programmeType(),
          p.revision(),
          p.status());
    }
  }

  /** Everything a draft or an amendment states: the proposal, its term, costs and fee. */
  public record ProposalTerms(
      String proposalId,
      String schoolId,
      String district,
      String termId,
      LocalDate termStart,
      LocalDate termEnd,
      ProgrammeType programmeType,
      int revision,
      String revisesProposalId,
      FeeStatus status,
      FeeBasis basis,
      SchoolLevel schoolLevel,
      long staffAllowancesFen,
      long materialsFen,
      long outsideProvidersFen,
      long utilitiesFen,
      long totalCostFen,
      int expectedParticipants,
      long proposedFeeFenPerMonth,
      Payee payee) {}

  public record FeeProposalDrafted(@JsonUnwrapped ProposalTerms draft) {}

  /** New terms of a draft or returned proposal: the same fields as its draft. */
  public record FeeProposalAmended(@JsonUnwrapped ProposalTerms amendment) {}

  public record ParentConsultationHeld(
      @JsonUnwrapped ProposalHeader proposal,
      ConsultationMethod method,
      LocalDate heldOn,
      ConsultationOutcome outcome,
      int votesFor,
      int votesAgainst,
      int votesAbstained,
      long proposedFeeFenPerMonth) {}

  public record FeeSubmissionSigned(
      @JsonUnwrapped ProposalHeader proposal, Department department, Instant signedAt) {}

  public record FeeJointlySubmitted(
      @JsonUnwrapped ProposalHeader proposal,
      String educationSignedBy,
      String pricingSignedBy,
      long proposedFeeFenPerMonth,
      Instant submittedAt) {}

  public record FeeSubmissionReturned(
      @JsonUnwrapped ProposalHeader proposal,
      Department department,
      List<String> reasons,
      Instant returnedAt) {}

  public record FeeApproved(
      @JsonUnwrapped ProposalHeader proposal,
      FeeBasis basis,
      long feeFenPerMonth,
      LocalDate validFrom,
      LocalDate validTo,
      Instant approvedAt) {}

  public record FeeRejected(
      @JsonUnwrapped ProposalHeader proposal, List<String> reasons, Instant rejectedAt) {}

  /** The contract the enrolment service reads (contracts/events/fee/FeePublished.v1). */
  public record FeePublished(
      String proposalId,
      String schoolId,
      String district,
      String termId,
      LocalDate termStart,
      LocalDate termEnd,
      ProgrammeType programmeType,
      FeeBasis basis,
      long feeFenPerMonth,
      int revision,
      LocalDate validFrom,
      LocalDate validTo,
      Instant publishedAt,
      Payee payee,
      String supersedesProposalId,
      Instant approvedAt) {}

  public record FeeSuperseded(
      @JsonUnwrapped ProposalHeader proposal,
      String supersededByProposalId,
      int supersededByRevision,
      Instant supersededAt) {}

  /** A new draft, or the draft of a revision. */
  static PendingEvent drafted(FeeProposal p) {
    return event(p, DRAFTED, new FeeProposalDrafted(terms(p)));
  }

  static PendingEvent amended(FeeProposal p) {
    return event(p, AMENDED, new FeeProposalAmended(terms(p)));
  }

  private static ProposalTerms terms(FeeProposal p) {
    var t = p.terms();
    return new ProposalTerms(
        id(p),
        p.schoolId(),
        p.district(),
        p.term().termId(),
        p.term().start(),
        p.term().end(),
        p.programmeType(),
        p.revision(),
        p.revisesProposalId() == null ? null : p.revisesProposalId().toString(),
        p.status(),
        t.basis(),
        t.schoolLevel(),
        t.costs().staffAllowancesFen(),
        t.costs().materialsFen(),
        t.costs().outsideProvidersFen(),
        t.costs().utilitiesFen(),
        t.costs().totalFen(),
        t.expectedParticipants(),
        t.proposedFeeFenPerMonth(),
        p.payee());
  }

  static PendingEvent consultationHeld(FeeProposal p) {
    return event(
        p,
        "ParentConsultationHeld.v1",
        new ParentConsultationHeld(
            ProposalHeader.of(p),
            p.consultation().method(),
            p.consultation().heldOn(),
            p.consultation().outcome(),
            p.consultation().votesFor(),
            p.consultation().votesAgainst(),
            p.consultation().votesAbstained(),
            p.terms().proposedFeeFenPerMonth()));
  }

  static PendingEvent signed(FeeProposal p, Department department) {
    return event(
        p,
        "FeeSubmissionSigned.v1",
        new FeeSubmissionSigned(
            ProposalHeader.of(p), department, p.signatures().signedAt(department)));
  }

  static PendingEvent jointlySubmitted(FeeProposal p) {
    return event(
        p,
        "FeeJointlySubmitted.v1",
        new FeeJointlySubmitted(
            ProposalHeader.of(p),
            p.signatures().signedBy(Department.EDUCATION),
            p.signatures().signedBy(Department.PRICING),
            p.terms().proposedFeeFenPerMonth(),
            p.submittedAt()));
  }

  static PendingEvent returned(FeeProposal p) {
    return event(
        p,
        "FeeSubmissionReturned.v1",
        new FeeSubmissionReturned(
            ProposalHeader.of(p),
            p.submissionReturn().department(),
            p.submissionReturn().reasons(),
            p.submissionReturn().returnedAt()));
  }

  static PendingEvent approved(FeeProposal p) {
    return event(
        p,
        "FeeApproved.v1",
        new FeeApproved(
            ProposalHeader.of(p),
            p.terms().basis(),
            p.approval().feeFenPerMonth(),
            p.approval().validFrom(),
            p.approval().validTo(),
            p.approval().approvedAt()));
  }

  static PendingEvent rejected(FeeProposal p) {
    return event(
        p,
        "FeeRejected.v1",
        new FeeRejected(ProposalHeader.of(p), p.rejection().reasons(), p.rejection().rejectedAt()));
  }

  static PendingEvent published(FeeProposal p, FeeProposal superseded) {
    return event(
        p,
        "FeePublished.v1",
        new FeePublished(
            id(p),
            p.schoolId(),
            p.district(),
            p.term().termId(),
            p.term().start(),
            p.term().end(),
            p.programmeType(),
            p.terms().basis(),
            p.approval().feeFenPerMonth(),
            p.revision(),
            p.approval().validFrom(),
            p.approval().validTo(),
            p.publication().publishedAt(),
            p.payee(),
            superseded == null ? null : superseded.id().toString(),
            p.approval().approvedAt()));
  }

  static PendingEvent superseded(FeeProposal p, FeeProposal by) {
    return event(
        p,
        "FeeSuperseded.v1",
        new FeeSuperseded(
            ProposalHeader.of(p),
            by.id().toString(),
            by.revision(),
            p.supersession().supersededAt()));
  }

  private static String id(FeeProposal p) {
    return p.id().toString();
  }

  private static PendingEvent event(FeeProposal p, String name, Object data) {
    return new PendingEvent(FeeProposal.AGGREGATE_TYPE, id(p), name, p.district(), data);
  }
}
