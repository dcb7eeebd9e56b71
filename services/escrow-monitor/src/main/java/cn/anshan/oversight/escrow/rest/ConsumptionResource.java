package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.service.ConsumptionService;
import cn.anshan.oversight.escrow.service.DisputeResolution;
import cn.anshan.oversight.escrow.service.Views.ConsumptionView;
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

/** The parent's answer to a consumption request (一课一消, REL-02, REL-07). */
@Cancellable(false)
@Path("/api/v1/escrow/consumptions/{consumptionId}")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
public class ConsumptionResource {
  private final ConsumptionService service;
  private final DisputeResolution disputes;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ConsumptionResource(
      ConsumptionService service,
      DisputeResolution disputes,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.disputes = disputes;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Path("/confirmation")
  @RolesAllowed(Roles.PARENT)
  @Operation(summary = "Confirm the lesson; its price is released to the institution (REL-02)")
  @APIResponse(
      responseCode = "200",
      description = "Confirmed and released",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsumptionView.class)))
  @APIResponse(responseCode = "404", description = "Not the parent's consumption")
  @APIResponse(
      responseCode = "409",
      description =
          "Already confirmed, disputed or withdrawn; or LST-01: the institution may not collect now,"
              + " so nothing is released until its standing returns")
  public Uni<Response> confirmConsumption(
      @PathParam("consumptionId") UUID consumptionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        consumptionId.toString(),
        () ->
            service
                .confirm(command, consumptionId)
                .map(view -> new CommandResult(200, view, null, null)));
  }

  @POST
  @Path("/dispute")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(summary = "Dispute the lesson; a dispute blocks its release (REL-07)")
  @APIResponse(
      responseCode = "200",
      description = "Disputed",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsumptionView.class)))
  @APIResponse(responseCode = "404", description = "Not the parent's consumption")
  @APIResponse(responseCode = "409", description = "Already confirmed, disputed or withdrawn")
  public Uni<Response> disputeConsumption(
      @PathParam("consumptionId") UUID consumptionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Dispute request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .dispute(command, consumptionId, request.reason().strip())
                .map(view -> new CommandResult(200, view, null, null)));
  }

  @POST
  @Path("/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Resolve a disputed lesson (REL-07): RELEASE to the institution or RETURN",
      description =
          "RETURN voids the lesson's reservation back to the family's balance in custody, paid"
              + " out with the order's refund.")
  @APIResponse(
      responseCode = "200",
      description = "Resolved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsumptionView.class)))
  @APIResponse(responseCode = "404", description = "Not a consumption of the regulator's district")
  @APIResponse(
      responseCode = "409",
      description =
          "Not disputed, or the order was refunded; or LST-01: a RELEASE while the institution may"
              + " not collect")
  public Uni<Response> resolveConsumptionDispute(
      @PathParam("consumptionId") UUID consumptionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.ResolveDispute request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            disputes
                .resolve(
                    command, consumptionId, request.outcome() == Requests.DisputeOutcome.RELEASE)
                .map(view -> new CommandResult(200, view, null, null)));
  }
}
