package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.FeeProposalView;
import cn.anshan.oversight.fee.service.JointSubmission;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
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
 * The joint submission of education and pricing, and the city government's decision on it
 * (LN-ASV-06). Same path as {@link FeeProposalResource}, by step.
 */
@Cancellable(false)
@Path("/api/v1/fee-proposals")
@Tag(name = "Fee proposals", description = "Proposal, consultation, joint submission, approval")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGULATOR, Roles.PRICING_OFFICER, Roles.CITY_GOVERNMENT})
public class FeeSubmissionResource {
  private final JointSubmission submission;
  private final ProposalCommands commands;
  private final CurrentActor actor;

  public FeeSubmissionResource(
      JointSubmission submission, ProposalCommands commands, CurrentActor actor) {
    this.submission = submission;
    this.commands = commands;
    this.actor = actor;
  }

  @POST
  @Path("/{proposalId}/signatures")
  @RolesAllowed({Roles.REGULATOR, Roles.PRICING_OFFICER})
  @Operation(
      summary = "Sign the joint submission for the caller's department (LN-ASV-06)",
      description =
          "A regulator of the school's district signs for education, a pricing officer for"
              + " pricing; with both signatures the proposal is SUBMITTED to the city government.")
  @APIResponse(
      responseCode = "200",
      description = "Signed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "404", description = "Not a proposal of the regulator's district")
  @APIResponse(
      responseCode = "409",
      description = "Not CONSULTED, or the department already signed (LN-ASV-06)")
  public Uni<Response> signSubmission(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.REGULATOR, Roles.PRICING_OFFICER);
    return commands.run(
        idempotencyKey, command, null, () -> submission.sign(command, proposalId, ifMatch));
  }

  @POST
  @Path("/{proposalId}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.REGULATOR, Roles.PRICING_OFFICER})
  @Operation(summary = "Return the consulted proposal to the school with reasons (LN-ASV-06)")
  @APIResponse(
      responseCode = "200",
      description = "Returned; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "404", description = "Not a proposal of the regulator's district")
  @APIResponse(responseCode = "409", description = "Not CONSULTED (LN-ASV-06)")
  public Uni<Response> returnSubmission(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Reasons request) {
    CommandContext command = actor.command(Roles.REGULATOR, Roles.PRICING_OFFICER);
    return commands.run(
        idempotencyKey,
        command,
        request,
        () -> submission.returnSubmission(command, proposalId, ifMatch, request.reasons()));
  }

  @POST
  @Path("/{proposalId}/approval")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_GOVERNMENT)
  @Operation(
      summary = "Approve the jointly submitted fee (city government, LN-ASV-06)",
      description =
          "The amount may be lower than proposed, never higher, and is checked against the cap"
              + " (LN-ASV-03/05) and the cost (以支定收); the period lies inside the term.")
  @APIResponse(
      responseCode = "200",
      description = "Approved; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "409", description = "Not SUBMITTED (LN-ASV-06)")
  @APIResponse(
      responseCode = "422",
      description = "LN-ASV-06: higher than proposed or above the cost; LN-ASV-03: above the cap")
  public Uni<Response> approveFee(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Approve request) {
    CommandContext command = actor.command(Roles.CITY_GOVERNMENT);
    return commands.run(
        idempotencyKey,
        command,
        request,
        () ->
            submission.approve(
                command,
                proposalId,
                ifMatch,
                request.feeFenPerMonth(),
                request.validFrom(),
                request.validTo()));
  }

  @POST
  @Path("/{proposalId}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CITY_GOVERNMENT)
  @Operation(summary = "Reject the jointly submitted fee with reasons (city government)")
  @APIResponse(
      responseCode = "200",
      description = "Rejected; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "409", description = "Not SUBMITTED (LN-ASV-06)")
  public Uni<Response> rejectFee(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Reasons request) {
    CommandContext command = actor.command(Roles.CITY_GOVERNMENT);
    return commands.run(
        idempotencyKey,
        command,
        request,
        () -> submission.reject(command, proposalId, ifMatch, request.reasons()));
  }
}
