package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.Department;
import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.messaging.FeeEvents;
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
        .chain(
            p -> {
              ifMatch.require(p.version());
              boolean complete = p.sign(department, signer.subject(), clock.now());
              Uni<Void> signed =
                  changes.emit(command, p, FeeEvents.signed(p, department), department.name());
              if (complete) {
                signed =
                    signed.chain(
                        () -> changes.emit(command, p, FeeEvents.jointlySubmitted(p), null));
              }
              return signed.map(v -> FeeProposalView.of(p));
            });
  }

  /** LN-ASV-06: either submitting department returns the proposal with reasons. */
  @WithTransaction
  public Uni<FeeProposalView> returnSubmission(
      CommandContext command, UUID proposalId, IfMatch ifMatch, List<String> reasons) {
    Actor signer = command.actor();
    Department department = ProposalAccess.departmentOf(signer);
    return access
        .submitterProposal(signer, proposalId)
        .chain(
            p -> {
              ifMatch.require(p.version());
              p.returnSubmission(department, reasons, clock.now());
              return changes
                  .emit(command, p, FeeEvents.returned(p), String.join("; ", reasons))
                  .map(v -> FeeProposalView.of(p));
            });
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
    Actor government = command.actor();
    return access
        .locked(proposalId)
        .chain(
            p -> {
              ifMatch.require(p.version());
              p.requireApprovable();
              LocalDate from = validFrom == null ? p.term().start() : validFrom;
              LocalDate to = validTo == null ? p.term().end() : validTo;
              FeeRules.requireApprovalPeriod(p.term(), from, to);
              FeeRules.requireApprovableFee(p, feeFen, settings.limits());
              p.approve(feeFen, from, to, government.subject(), clock.now());
              return changes
                  .emit(command, p, FeeEvents.approved(p), feeFen + " fen " + from + ".." + to)
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /** LN-ASV-06: the city government rejects the jointly submitted fee with reasons. */
  @WithTransaction
  public Uni<FeeProposalView> reject(
      CommandContext command, UUID proposalId, IfMatch ifMatch, List<String> reasons) {
    return access
        .locked(proposalId)
        .chain(
            p -> {
              ifMatch.require(p.version());
              p.reject(reasons, clock.now());
              return changes
                  .emit(command, p, FeeEvents.rejected(p), String.join("; ", reasons))
                  .map(v -> FeeProposalView.of(p));
            });
  }
}
