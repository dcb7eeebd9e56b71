package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.service.SupervisionService;
import cn.anshan.oversight.escrow.service.Views.SupervisionView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Versions;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Supervision setup (PRE-09…13, LN-PRE-02/03, §11 row 9). */
@Cancellable(false)
@Path("/api/v1/escrow/institutions/{institutionId}/supervision")
@Tag(name = "Supervision", description = "Custody agreement, the one supervised account, reserve")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {
  private final SupervisionService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public SupervisionResource(
      SupervisionService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "Record the filed custody agreement and open the one supervised account",
      description =
          "PRE-10/PRE-12: agreement filed with the supervising department; LN-PRE-02: exactly one"
              + " account per institution, not shared with another institution.")
  @APIResponse(
      responseCode = "201",
      description = "Opened; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SupervisionView.class)))
  @APIResponse(responseCode = "404", description = "Not the operator's institution, or unknown")
  @APIResponse(responseCode = "422", description = "LN-PRE-02 or PRE-09 broken")
  public Uni<Response> setUpSupervision(
      @PathParam("institutionId") String institutionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.SetUpSupervision request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .setUp(command, institutionId, request.toAgreement())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create(
                                "/api/v1/escrow/institutions/" + institutionId + "/supervision"),
                            view.version(),
                            view)));
  }

  @GET
  @RolesAllowed({Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
  @Operation(
      summary = "The supervised account with custody balance, unconsumed value and entitlement",
      description = "Operators: their own institution; regulators: their district; auditors: all.")
  @APIResponse(
      responseCode = "200",
      description = "The account; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SupervisionView.class)))
  @APIResponse(responseCode = "404", description = "None visible to the caller")
  public Uni<Response> getSupervision(@PathParam("institutionId") String institutionId) {
    return service
        .get(
            actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
            institutionId)
        .map(
            (SupervisionView view) ->
                Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }
}
