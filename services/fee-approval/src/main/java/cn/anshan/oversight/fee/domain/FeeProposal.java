package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.events.Aggregate;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One revision of a school's after-school fee standard for a term and programme type (DOMAIN.md §11
 * row 19). The state machine (LN-ASV-06) is in the methods below: each checks that the current
 * status allows the act and that the values keep the rules, changes the proposal and returns the
 * {@link ProposalChange} it made (its event and history line); a refusal is a {@link
 * ProblemException} (409 for a status, 422 for values) naming the rule and changes nothing. The
 * payee is always the school (ASV-04), so the entity has no payee to set.
 */
@Entity
@Table(name = "fee_proposal")
public class FeeProposal implements Aggregate {
  public static final String AGGREGATE_TYPE = "FeeProposal";

  @Id private UUID id;
  private long version;

  private String schoolId;

  private String district;

  @Embedded private Term term;

  @Enumerated(EnumType.STRING)
  private ProgrammeType programmeType;

  private int revision;

  private UUID revisesProposalId;

  @Embedded private FeeTerms terms;

  @Enumerated(EnumType.STRING)
  private FeeStatus status;

  private String draftedBy;

  private Instant draftedAt;

  @Embedded private ConsultationRecord consultation;

  private int consultationRound = 1;

  @Embedded private JointSignatures signatures;

  private Instant submittedAt;

  @Embedded private SubmissionReturn submissionReturn;

  @Embedded private ApprovedFee approval;

  @Embedded private FeeRejection rejection;

  @Embedded private Publication publication;

  @Embedded private Supersession supersession;

  protected FeeProposal() {}

  /**
   * A new draft (or the draft of a revision of {@code revises}) as it is stored; the rules are
   * checked by {@link #draft} and {@link #revise}.
   */
  public FeeProposal(FeeDraft draft, int revision, UUID revisesProposalId, Instant now) {
    this.id = UUID.randomUUID();
    this.schoolId = draft.schoolId();
    this.district = draft.district();
    this.term = draft.term();
    this.programmeType = draft.programmeType();
    this.revision = revision;
    this.revisesProposalId = revisesProposalId;
    this.terms = draft.terms();
    this.status = FeeStatus.DRAFT;
    this.draftedBy = draft.draftedBy();
    this.draftedAt = now;
  }

  /**
   * LN-ASV-03/05/06: revision 1 of a school's fee for a term and programme type, given every
   * proposal already there for them (one standard, changed only through a revision).
   */
  public static ProposalChange draft(
      FeeDraft draft, List<FeeProposal> revisions, FeeLimits limits, int maxTermDays, Instant now) {
    draft.term().requireValid(maxTermDays);
    FeeRules.require(draft.programmeType(), draft.terms(), limits);
    FeeRules.requireFirstStandard(revisions, draft.term().termId(), draft.programmeType());
    FeeProposal proposal = new FeeProposal(draft, 1, null, now);
    return new ProposalChange(proposal, FeeProposalEvents.drafted(proposal), null);
  }

  /**
   * LN-ASV-06: a new version of this published fee is a new draft that goes through the whole
   * process again, given every revision of the same school, term and programme type.
   */
  public ProposalChange revise(
      FeeTerms terms, List<FeeProposal> revisions, FeeLimits limits, String by, Instant now) {
    require("revise", FeeStatus.PUBLISHED);
    FeeRules.require(programmeType, terms, limits);
    FeeProposal next = FeeRevision.of(this, revisions, terms, by, now);
    return new ProposalChange(
        next, FeeProposalEvents.drafted(next), "revision " + next.revision + " of " + id);
  }

  /**
   * The school admin changes the terms of a draft or of a returned proposal. The parents were
   * consulted on the old terms, so the consultation and any signature are void (LN-ASV-06).
   */
  public ProposalChange amend(FeeTerms terms, FeeLimits limits) {
    require("amend", FeeStatus.DRAFT, FeeStatus.RETURNED);
    FeeRules.require(programmeType, terms, limits);
    this.terms = terms;
    clearConsultation();
    clearSignatures();
    status = FeeStatus.DRAFT;
    return new ProposalChange(this, FeeProposalEvents.amended(this), null);
  }

  /**
   * LN-ASV-06 家长自愿: the parent committee's resolution or a hearing; only an agreement moves the
   * proposal on. The result is counted from the representatives' own votes of this round; the votes
   * are spent, the next consultation (after NOT_AGREED or an amendment) is a new round.
   */
  public ProposalChange recordConsultation(
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
    return new ProposalChange(
        this, FeeProposalEvents.consultationHeld(this), consultation.summary());
  }

  /**
   * The parents vote, and their consultation is recorded, only on a draft or a returned proposal.
   */
  public void requireOpenForConsultation() {
    require("consult the parents on", FeeStatus.DRAFT, FeeStatus.RETURNED);
  }

  /**
   * LN-ASV-06 joint submission: one department signs; with both signatures the proposal is
   * submitted to the city government, a second change in the same command.
   */
  public List<ProposalChange> sign(Department department, String signer, Instant now) {
    require("sign", FeeStatus.CONSULTED);
    signatures = signatures().with(department, signer, now);
    if (signatures.complete()) {
      status = FeeStatus.SUBMITTED;
      submittedAt = now;
    }
    ProposalChange signed =
        new ProposalChange(this, FeeProposalEvents.signed(this, department), department.name());
    if (status != FeeStatus.SUBMITTED) {
      return List.of(signed);
    }
    return List.of(
        signed, new ProposalChange(this, FeeProposalEvents.jointlySubmitted(this), null));
  }

  /** Either submitting department returns the consulted proposal with reasons (LN-ASV-06). */
  public ProposalChange returnSubmission(Department department, List<String> reasons, Instant now) {
    require("return", FeeStatus.CONSULTED);
    submissionReturn = SubmissionReturn.of(department, reasons, now);
    clearSignatures();
    status = FeeStatus.RETURNED;
    return new ProposalChange(this, FeeProposalEvents.returned(this), String.join("; ", reasons));
  }

  /**
   * The city government approves the jointly submitted fee (LN-ASV-06) for a period inside the term
   * (the whole term when {@code from} or {@code to} is null), checked again against the cost (以支定收)
   * and the cap (LN-ASV-03/05); the amount may be lower than proposed, never higher (the parents
   * agreed to the proposal).
   */
  public ProposalChange approve(
      long feeFen, LocalDate from, LocalDate to, FeeLimits limits, String approver, Instant now) {
    require("approve", FeeStatus.SUBMITTED);
    LocalDate validFrom = from == null ? term.start() : from;
    LocalDate validTo = to == null ? term.end() : to;
    FeeRules.requireApprovalPeriod(term, validFrom, validTo);
    FeeRules.requireApprovableFee(this, feeFen, limits);
    approval = new ApprovedFee(feeFen, validFrom, validTo, approver, now);
    status = FeeStatus.APPROVED;
    return new ProposalChange(
        this, FeeProposalEvents.approved(this), feeFen + " fen " + validFrom + ".." + validTo);
  }

  /** The city government rejects the jointly submitted fee with reasons (LN-ASV-06). */
  public ProposalChange reject(List<String> reasons, Instant now) {
    require("reject", FeeStatus.SUBMITTED);
    rejection = FeeRejection.of(reasons, now);
    status = FeeStatus.REJECTED;
    return new ProposalChange(this, FeeProposalEvents.rejected(this), String.join("; ", reasons));
  }

  /**
   * The approved fee is published (ASV-04: fees publicly displayed); only a published fee may be
   * charged (§11 row 19). The revision published before it, found among {@code revisions} (every
   * revision of the same school, term and programme type), is superseded first.
   */
  public List<ProposalChange> publish(List<FeeProposal> revisions, String publisher, Instant now) {
    require("publish", FeeStatus.APPROVED);
    Optional<FeeProposal> previous = FeeRevision.publishedBefore(this, revisions);
    publication = new Publication(publisher, now);
    status = FeeStatus.PUBLISHED;
    ProposalChange published =
        new ProposalChange(
            this,
            FeeProposalEvents.published(this, previous.orElse(null)),
            approval.feeFenPerMonth() + " fen");
    return previous
        .map(old -> List.of(old.supersede(this, now), published))
        .orElse(List.of(published));
  }

  /** A later revision of the same school, term and programme type was published. */
  ProposalChange supersede(FeeProposal by, Instant now) {
    require("supersede", FeeStatus.PUBLISHED);
    supersession = new Supersession(by.id, now);
    status = FeeStatus.SUPERSEDED;
    return new ProposalChange(
        this, FeeProposalEvents.superseded(this, by), "by revision " + by.revision);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  private void require(String act, FeeStatus... allowed) {
    FeeRules.requireStep(act, status, allowed);
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
    return term;
  }

  public FeeTerms terms() {
    return terms;
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

  /** Why and by whom the joint submission was last returned, or null. */
  public SubmissionReturn submissionReturn() {
    return submissionReturn;
  }

  /** The government's rejection, or null. */
  public FeeRejection rejection() {
    return rejection;
  }

  /** Who published the approved fee and when, or null before its publication. */
  public Publication publication() {
    return publication;
  }

  /** The revision published in this one's place, or null. */
  public Supersession supersession() {
    return supersession;
  }
}
