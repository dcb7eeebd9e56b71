package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One revision of a school's after-school fee standard for a term and programme type (DOMAIN.md §11
 * row 19). The state machine (LN-ASV-06) is in the methods below: each checks that the current
 * status allows the act and throws {@link ProblemException} (409 for a status, 422 for values)
 * naming the rule otherwise. The payee is always the school (ASV-04), so the entity has no payee to
 * set.
 */
@Entity
@Table(name = "fee_proposal")
public class FeeProposal {
  public static final String AGGREGATE_TYPE = "FeeProposal";

  @Id private UUID id;
  private long version;

  private String schoolId;

  private String district;

  private String termId;

  private LocalDate termStart;

  private LocalDate termEnd;

  @Enumerated(EnumType.STRING)
  private ProgrammeType programmeType;

  private int revision;

  private UUID revisesProposalId;

  @Enumerated(EnumType.STRING)
  private FeeBasis basis;

  @Enumerated(EnumType.STRING)
  private SchoolLevel schoolLevel;

  private long staffAllowancesFen;

  private long materialsFen;

  private long outsideProvidersFen;

  private long utilitiesFen;

  private int expectedParticipants;

  private long proposedFeeFen;

  @Enumerated(EnumType.STRING)
  private FeeStatus status;

  private String draftedBy;

  private Instant draftedAt;

  @Embedded private ConsultationRecord consultation;

  private int consultationRound = 1;

  @Embedded private JointSignatures signatures;

  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  private Department returnedByDepartment;

  private Instant returnedAt;

  private String returnReasons;

  @Embedded private ApprovedFee approval;

  private Instant rejectedAt;

  private String rejectionReasons;

  private String publishedBy;

  private Instant publishedAt;

  private UUID supersededBy;

  private Instant supersededAt;

  protected FeeProposal() {}

  /**
   * A new draft (or the draft of a revision of {@code revises}). Rules are checked by the caller.
   */
  public FeeProposal(
      String schoolId,
      String district,
      Term term,
      ProgrammeType programmeType,
      int revision,
      UUID revisesProposalId,
      FeeTerms terms,
      String draftedBy,
      Instant now) {
    this.id = UUID.randomUUID();
    this.schoolId = schoolId;
    this.district = district;
    this.termId = term.termId();
    this.termStart = term.start();
    this.termEnd = term.end();
    this.programmeType = programmeType;
    this.revision = revision;
    this.revisesProposalId = revisesProposalId;
    setTerms(terms);
    this.status = FeeStatus.DRAFT;
    this.draftedBy = draftedBy;
    this.draftedAt = now;
  }

  /**
   * The school admin changes the terms of a draft or of a returned proposal. The parents were
   * consulted on the old terms, so the consultation and any signature are void (LN-ASV-06).
   */
  public void amend(FeeTerms terms) {
    require("amend", FeeStatus.DRAFT, FeeStatus.RETURNED);
    setTerms(terms);
    clearConsultation();
    clearSignatures();
    status = FeeStatus.DRAFT;
  }

  /**
   * LN-ASV-06 家长自愿: the parent committee's resolution or a hearing; only an agreement moves the
   * proposal on. The result is counted from the representatives' own votes of this round; the votes
   * are spent, the next consultation (after NOT_AGREED or an amendment) is a new round.
   */
  public void recordConsultation(
      ConsultationMethod method,
      LocalDate heldOn,
      ConsultationVotes round,
      String recordedBy,
      Instant now) {
    requireOpenForConsultation();
    ConsultationTally tally = ConsultationTally.count(round);
    consultation =
        new ConsultationRecord(
            method,
            heldOn,
            tally.outcome(),
            tally.votesFor(),
            tally.votesAgainst(),
            tally.votesAbstained(),
            recordedBy,
            now);
    consultationRound++;
    clearSignatures();
    status = consultation.agreed() ? FeeStatus.CONSULTED : FeeStatus.DRAFT;
  }

  /**
   * The parents vote, and their consultation is recorded, only on a draft or a returned proposal.
   */
  public void requireOpenForConsultation() {
    require("consult the parents on", FeeStatus.DRAFT, FeeStatus.RETURNED);
  }

  /**
   * LN-ASV-06 joint submission: one department signs; with both signatures the proposal is
   * submitted to the city government. Returns true when this signature completed the submission.
   */
  public boolean sign(Department department, String signer, Instant now) {
    require("sign", FeeStatus.CONSULTED);
    if (signatures().signedBy(department) != null) {
      throw ProblemException.rule(
          409, FeeRules.PROCESS, department + " has already signed this proposal");
    }
    signatures = signatures().with(department, signer, now);
    if (signatures.complete()) {
      status = FeeStatus.SUBMITTED;
      submittedAt = now;
      return true;
    }
    return false;
  }

  /** Either submitting department returns the consulted proposal with reasons (LN-ASV-06). */
  public void returnSubmission(Department department, List<String> reasons, Instant now) {
    require("return", FeeStatus.CONSULTED);
    returnedByDepartment = department;
    returnedAt = now;
    returnReasons = String.join("\n", reasons);
    clearSignatures();
    status = FeeStatus.RETURNED;
  }

  /**
   * The city government approves the jointly submitted fee (LN-ASV-06) for a period inside the
   * term; the amount may be lower than proposed, never higher (the parents agreed to the proposal).
   * Cap and cost rules are checked by the caller with {@link FeeRules}.
   */
  public void approve(long feeFen, LocalDate from, LocalDate to, String approver, Instant now) {
    require("approve", FeeStatus.SUBMITTED);
    if (feeFen > proposedFeeFen) {
      throw ProblemException.rule(
          FeeRules.PROCESS,
          "家长自愿: the approved fee ("
              + feeFen
              + " fen) may not exceed the fee the parents agreed to ("
              + proposedFeeFen
              + " fen)");
    }
    approval = new ApprovedFee(feeFen, from, to, approver, now);
    status = FeeStatus.APPROVED;
  }

  /** The city government rejects the jointly submitted fee with reasons (LN-ASV-06). */
  public void reject(List<String> reasons, Instant now) {
    require("reject", FeeStatus.SUBMITTED);
    rejectedAt = now;
    rejectionReasons = String.join("\n", reasons);
    status = FeeStatus.REJECTED;
  }

  /** The approved fee is published; only a published fee may be charged (§11 row 19). */
  public void publish(String publisher, Instant now) {
    require("publish", FeeStatus.APPROVED);
    publishedBy = publisher;
    publishedAt = now;
    status = FeeStatus.PUBLISHED;
  }

  /** A later revision of the same school, term and programme type was published. */
  public void supersede(UUID by, Instant now) {
    require("supersede", FeeStatus.PUBLISHED);
    supersededBy = by;
    supersededAt = now;
    status = FeeStatus.SUPERSEDED;
  }

  /** Checks that {@link #amend} is allowed now, before the new terms are checked. */
  public void requireAmendable() {
    require("amend", FeeStatus.DRAFT, FeeStatus.RETURNED);
  }

  /** Checks that {@link #approve} is allowed now, before the amount and dates are checked. */
  public void requireApprovable() {
    require("approve", FeeStatus.SUBMITTED);
  }

  /** Checks that {@link #publish} is allowed now. */
  public void requirePublishable() {
    require("publish", FeeStatus.APPROVED);
  }

  /** Only the published standard in force can be revised; the revision is a new draft. */
  public void requireRevisable() {
    require("revise", FeeStatus.PUBLISHED);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  private void require(String act, FeeStatus... allowed) {
    if (!Arrays.asList(allowed).contains(status)) {
      throw ProblemException.rule(
          409,
          FeeRules.PROCESS,
          "cannot "
              + act
              + " a "
              + status
              + " fee proposal (allowed from "
              + Arrays.toString(allowed)
              + "): consultation (家长自愿), joint submission, approval and publication happen"
              + " in that order");
    }
  }

  private void setTerms(FeeTerms terms) {
    this.basis = terms.basis();
    this.schoolLevel = terms.schoolLevel();
    this.staffAllowancesFen = terms.costs().staffAllowancesFen();
    this.materialsFen = terms.costs().materialsFen();
    this.outsideProvidersFen = terms.costs().outsideProvidersFen();
    this.utilitiesFen = terms.costs().utilitiesFen();
    this.expectedParticipants = terms.expectedParticipants();
    this.proposedFeeFen = terms.proposedFeeFenPerMonth();
  }

  /** Votes cast on the old terms are void too: the next consultation is a new round. */
  private void clearConsultation() {
    consultationRound++;
    consultation = null;
  }

  private void clearSignatures() {
    signatures = null;
  }

  public Term term() {
    return new Term(termId, termStart, termEnd);
  }

  public FeeTerms terms() {
    return new FeeTerms(
        basis,
        schoolLevel,
        new CostBreakdown(staffAllowancesFen, materialsFen, outsideProvidersFen, utilitiesFen),
        expectedParticipants,
        proposedFeeFen);
  }

  public Payee payee() {
    return Payee.SCHOOL;
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public ProgrammeType programmeType() {
    return programmeType;
  }

  public int revision() {
    return revision;
  }

  public UUID revisesProposalId() {
    return revisesProposalId;
  }

  public FeeStatus status() {
    return status;
  }

  public String draftedBy() {
    return draftedBy;
  }

  public Instant draftedAt() {
    return draftedAt;
  }

  /** The consultation recorded in the current round, or null. */
  public ConsultationRecord consultation() {
    return consultation;
  }

  /** The signatures of the joint submission so far ({@link JointSignatures#NONE} for none). */
  public JointSignatures signatures() {
    return signatures == null ? JointSignatures.NONE : signatures;
  }

  /** The approved fee and its period, or null before the approval. */
  public ApprovedFee approval() {
    return approval;
  }

  public int consultationRound() {
    return consultationRound;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Department returnedByDepartment() {
    return returnedByDepartment;
  }

  public Instant returnedAt() {
    return returnedAt;
  }

  public List<String> returnReasons() {
    return lines(returnReasons);
  }

  public Instant rejectedAt() {
    return rejectedAt;
  }

  public List<String> rejectionReasons() {
    return lines(rejectionReasons);
  }

  public String publishedBy() {
    return publishedBy;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public UUID supersededBy() {
    return supersededBy;
  }

  public Instant supersededAt() {
    return supersededAt;
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.split("\n"));
  }
}
