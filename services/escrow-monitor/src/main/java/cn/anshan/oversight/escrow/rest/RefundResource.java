package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.service.RefundQueries;
import cn.anshan.oversight.escrow.service.RefundService;
import cn.anshan.oversight.escrow.service.Views.RefundView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

/** The institution's answer to a refund request (REL-05, §11 row 12). */
@Cancellable(false)
@Path("/api/v1/escrow/refunds/{refundId}")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {
  private final RefundService service;
  private final RefundQueries queries;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public RefundResource(
      RefundService service,
      RefundQueries queries,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.queries = queries;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @GET
  @RolesAllowed({Roles.PARENT, Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
  @Operation(summary = "Read a refund the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The refund",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefundView.class)))
  @APIResponse(responseCode = "404", description = "No such refund visible to the caller")
  public Uni<RefundView> getRefund(@PathParam("refundId") UUID refundId) {
    return queries.get(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.PARENT),
        refundId);
  }

  @POST
  @Path("/acceptance")
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(summary = "Accept the refund; the unconsumed value is paid back at once (CON-07)")
  @APIResponse(
      responseCode = "200",
      description = "Accepted and paid",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefundView.class)))
  @APIResponse(responseCode = "404", description = "Not a refund of the operator's institution")
  @APIResponse(responseCode = "409", description = "Already answered or paid")
  public Uni<Response> acceptRefund(
      @PathParam("refundId") UUID refundId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        refundId.toString(),
        () ->
            service
                .accept(command, refundId)
                .map(view -> new CommandResult(200, view, null, null)));
  }

  @POST
  @Path("/refusal")
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(summary = "Refuse the refund within the window; escalated to the regulator")
  @APIResponse(
      responseCode = "200",
      description = "Escalated",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefundView.class)))
  @APIResponse(responseCode = "404", description = "Not a refund of the operator's institution")
  @APIResponse(responseCode = "409", description = "Already answered or paid")
  public Uni<Response> refuseRefund(
      @PathParam("refundId") UUID refundId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        refundId.toString(),
        () ->
            service
                .refuse(command, refundId)
                .map(view -> new CommandResult(200, view, null, null)));
  }

  @POST
  @Path("/decision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Decide an escalated refund (regulator of the district): REFUND or REJECT")
  @APIResponse(
      responseCode = "200",
      description = "Decided (and paid when REFUND)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefundView.class)))
  @APIResponse(responseCode = "404", description = "Not a refund of the regulator's district")
  @APIResponse(responseCode = "409", description = "The refund is not escalated")
  public Uni<Response> decideRefund(
      @PathParam("refundId") UUID refundId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.DecideRefund request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .decide(command, refundId, request.outcome() == Requests.RefundDecision.REFUND)
                .map(view -> new CommandResult(200, view, null, null)));
  }
}
