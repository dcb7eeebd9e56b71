package cn.anshan.oversight.registry.rest.unlicensed;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.unlicensed.UnlicensedOperatorService;
import cn.anshan.oversight.registry.service.unlicensed.UnlicensedOperatorView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Operators that train without approval: record, assess (ENF-02), sanction (ENF-02/03). */
@Cancellable(false)
@Path("/api/v1/unlicensed-operators")
@Tag(
    name = "Unlicensed operators",
    description = "Training without approval: the ENF-02 test, ENF-02/03 sanctions, black list")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
public class UnlicensedOperatorResource {
  private final UnlicensedOperatorService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public UnlicensedOperatorResource(
      UnlicensedOperatorService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Record an operator that trains without approval, in the regulator's district",
      description =
          "Found through a complaint, an inspection, an advertisement report (sourceReference"
              + " names it) or a patrol. Not public until sanctioned.")
  @APIResponse(
      responseCode = "201",
      description = "Recorded; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnlicensedOperatorView.class)))
  @APIResponse(
      responseCode = "422",
      description = "ENF-02: a complaint, inspection or report without its sourceReference")
  public Uni<Response> recordUnlicensedOperator(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull UnlicensedOperatorRequests.Record request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .record(command, request.toRecord())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/unlicensed-operators/" + view.operatorId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "Recorded operators, oldest first (keyset pagination)",
      description = "Regulators: their district; auditors: all.")
  public Uni<Page<UnlicensedOperatorView>> listUnlicensedOperators(
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(actor.actingAs(Roles.AUDITOR, Roles.REGULATOR), cursor, limit);
  }

  @GET
  @Path("/{operatorId}")
  @Operation(summary = "Read an operator's case: the test, its evidence, the sanctions")
  @APIResponse(
      responseCode = "200",
      description = "The case; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnlicensedOperatorView.class)))
  @APIResponse(responseCode = "404", description = "No such operator in the reader's district")
  public Uni<Response> getUnlicensedOperator(@PathParam("operatorId") UUID operatorId) {
    return service
        .get(actor.actingAs(Roles.AUDITOR, Roles.REGULATOR), operatorId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{operatorId}/assessment")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Record the ENF-02 three-part test with evidence; the finding is computed",
      description =
          "UNLICENSED_INSTITUTION (ENF-02) when a venue or website/app, at least the configured"
              + " staff and an organisation are all established; else DISGUISED_TRAINING (ENF-03)"
              + " for subject-type training; else NOT_ESTABLISHED. May be corrected until the"
              + " first sanction.")
  @APIResponse(
      responseCode = "200",
      description = "Assessed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnlicensedOperatorView.class)))
  @APIResponse(responseCode = "404", description = "No such operator in the regulator's district")
  @APIResponse(responseCode = "409", description = "Already sanctioned: the assessment is final")
  @APIResponse(
      responseCode = "422",
      description = "ENF-02 / ENF-03: a part of the test asserted without evidence")
  public Uni<Response> assessUnlicensedOperator(
      @PathParam("operatorId") UUID operatorId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull UnlicensedOperatorRequests.Assess request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .assess(command, operatorId, ifMatch, request.toTest())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{operatorId}/sanctions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Impose an ENF-02 / ENF-03 outcome; the first one black-lists the operator",
      description =
          "ENF-02: ORDER_TO_STOP, REFUND_FEES, FINE of 1–5 times the illegal gains, REFERRAL."
              + " ENF-03: ORDER_TO_CORRECT, REFUND_FEES, WARNING, FINE up to the configured cap,"
              + " REFERRAL.")
  @APIResponse(
      responseCode = "200",
      description = "Imposed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = UnlicensedOperatorView.class)))
  @APIResponse(responseCode = "404", description = "No such operator in the regulator's district")
  @APIResponse(
      responseCode = "422",
      description =
          "ENF-02 / ENF-03: not assessed, nothing established, an outcome or fine outside the"
              + " finding's rule")
  public Uni<Response> sanctionUnlicensedOperator(
      @PathParam("operatorId") UUID operatorId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull UnlicensedOperatorRequests.Sanction request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .sanction(command, operatorId, ifMatch, request.toOrder())
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
