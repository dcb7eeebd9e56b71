package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.Department;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * LN-ASV-06: the education bureau (a regulator of the school's district) and the pricing department
 * sign the joint submission or return it; the city government approves the fee for a period inside
 * the term (checked against the cap and the cost again) or rejects it.
 */
@ApplicationScoped
public class JointSubmission {
  private final ProposalAccess access;
  private final ProposalChanges changes;
  private final OversightClock clock;
  private final FeeSettings settings;

  public JointSubmission(
      ProposalAccess access, ProposalChanges changes, OversightClock clock, FeeSettings settings) {
    this.access = access;
    this.changes = changes;
    this.clock = clock;
    this.settings = settings;
  }

  /** LN-ASV-06 joint submission: the caller's department signs; both make it SUBMITTED. */
  @WithTransaction
  public Uni<FeeProposalView> sign(CommandContext command, UUID proposalId, IfMatch ifMatch) {
    Actor signer = command.actor();
    Department department = ProposalAccess.departmentOf(signer);
    return access
        .submitterProposal(signer, proposalId)
        .invoke(p -> ifMatch.require(p.version()))
        .map(p -> p.sign(department, signer.subject(), clock.now()))
        .chain(signed -> changes.emit(command, signed))
        .map(FeeProposalView::of);
  }

  /** LN-ASV-06: either submitting department returns the proposal with reasons. */
  @WithTransaction
  public Uni<FeeProposalView> returnSubmission(
      CommandContext command, UUID proposalId, IfMatch ifMatch, List<String> reasons) {
    Actor signer = command.actor();
    Department department = ProposalAccess.departmentOf(signer);
    return access
        .submitterProposal(signer, proposalId)
        .invoke(p -> ifMatch.require(p.version()))
        .map(p -> p.returnSubmission(department, reasons, clock.now()))
        .chain(returned -> changes.emit(command, returned))
        .map(FeeProposalView::of);
  }

  /**
   * LN-ASV-06: the city government approves the jointly submitted fee for a period inside the term;
   * the amount is checked against the cap (LN-ASV-03/05) and the cost (以支定收) again.
   */
  @WithTransaction
  public Uni<FeeProposalView> approve(
      CommandContext command,
      UUID proposalId,
      IfMatch ifMatch,
      long feeFen,
      LocalDate validFrom,
      LocalDate validTo) {
    String government = command.actor().subject();
    return access
        .locked(proposalId)
        .invoke(p -> ifMatch.require(p.version()))
        .map(p -> p.approve(feeFen, validFrom, validTo, settings.limits(), government, clock.now()))
        .chain(approved -> changes.emit(command, approved))
        .map(FeeProposalView::of);
  }

  /** LN-ASV-06: the city government rejects the jointly submitted fee with reasons. */
  @WithTransaction
  public Uni<FeeProposalView> reject(
      CommandContext command, UUID proposalId, IfMatch ifMatch, List<String> reasons) {
    return access
        .locked(proposalId)
        .invoke(p -> ifMatch.require(p.version()))
        .map(p -> p.reject(reasons, clock.now()))
        .chain(rejected -> changes.emit(command, rejected))
        .map(FeeProposalView::of);
  }
}
