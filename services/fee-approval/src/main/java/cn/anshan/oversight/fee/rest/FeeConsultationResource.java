package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.FeeProposalView;
import cn.anshan.oversight.fee.service.ParentConsultation;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Parents agree to a proposed fee (LN-ASV-06 家长自愿): the representatives' votes of a round, then the
 * committee's recorded consultation. Same path as {@link FeeProposalResource}, by step.
 */
@Cancellable(false)
@Path("/api/v1/fee-proposals")
@Tag(name = "Fee proposals", description = "Proposal, consultation, joint submission, approval")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARENT)
public class FeeConsultationResource {
  private final ParentConsultation consultation;
  private final IdempotentCommands idempotency;
  private final ProposalCommands commands;
  private final CurrentActor actor;

  public FeeConsultationResource(
      ParentConsultation consultation,
      IdempotentCommands idempotency,
      ProposalCommands commands,
      CurrentActor actor) {
    this.consultation = consultation;
    this.idempotency = idempotency;
    this.commands = commands;
    this.actor = actor;
  }

  @POST
  @Path("/{proposalId}/consultation/votes")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Cast the caller's own vote on the proposed fee (LN-ASV-06 家长自愿)",
      description =
          "Each parent representative of the school votes once per consultation round; the"
              + " consultation's outcome is counted from these votes. A vote is an event of the"
              + " school's parent committee and leaves the proposal's version as it is, so it"
              + " takes no If-Match and representatives can vote at the same time. A recorded"
              + " consultation or an amendment starts a new round.")
  @APIResponse(
      responseCode = "200",
      description = "Vote recorded; the proposal's ETag, which votes do not change",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParentConsultation.ConsultationVoteView.class)))
  @APIResponse(
      responseCode = "404",
      description = "Not a proposal of a school the parent represents")
  @APIResponse(
      responseCode = "409",
      description = "Not DRAFT or RETURNED, or already voted in this round (LN-ASV-06)")
  public Uni<Response> castConsultationVote(
      @PathParam("proposalId") UUID proposalId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.CastVote request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            consultation
                .vote(command, proposalId, request.vote())
                .map(vote -> CommandResult.ok(vote.proposalVersion(), vote)));
  }

  @POST
  @Path("/{proposalId}/consultation")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Record the parent committee's resolution or a hearing (LN-ASV-06 家长自愿)",
      description =
          "Only a parent registered as a representative of the school's parent committee may"
              + " record it. The outcome and the counts are the representatives' own votes of this"
              + " round (castConsultationVote), once more than half of them have voted: more votes"
              + " for than against is AGREED and moves the proposal to CONSULTED; otherwise"
              + " NOT_AGREED keeps it a draft. Either way the next consultation is a new round.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(
      responseCode = "404",
      description = "Not a proposal of a school the parent represents")
  @APIResponse(responseCode = "409", description = "Not DRAFT or RETURNED (LN-ASV-06)")
  @APIResponse(
      responseCode = "422",
      description = "Half or fewer of the school's representatives have voted (LN-ASV-06)")
  public Uni<Response> recordConsultation(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.RecordConsultation request) {
    CommandContext command = actor.command(Roles.PARENT);
    return commands.run(
        idempotencyKey,
        command,
        request,
        () ->
            consultation.consult(command, proposalId, ifMatch, request.method(), request.heldOn()));
  }
}
