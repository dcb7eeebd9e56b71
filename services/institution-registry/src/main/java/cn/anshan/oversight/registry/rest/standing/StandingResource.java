package cn.anshan.oversight.registry.rest.standing;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.standing.LicenceService;
import cn.anshan.oversight.registry.service.standing.SanctionService;
import cn.anshan.oversight.registry.service.standing.StandingService;
import cn.anshan.oversight.registry.service.standing.StandingView;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Licence, legal registration and sanctions of an approved institution, and the standing (list
 * status) they derive. Every command requires If-Match with the institution's ETag.
 */
@Cancellable(false)
@Path("/api/v1/institutions/{institutionId}")
@Tag(name = "Standing", description = "Licence, registration, sanctions and the white/black list")
@Produces(MediaType.APPLICATION_JSON)
public class StandingResource {
  private final StandingService service;
  private final LicenceService licences;
  private final SanctionService sanctions;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public StandingResource(
      StandingService service,
      LicenceService licences,
      SanctionService sanctions,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.licences = licences;
    this.sanctions = sanctions;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @GET
  @Path("/standing")
  @RolesAllowed({
    Roles.INSTITUTION_OPERATOR,
    Roles.REGULATOR,
    Roles.AUDITOR,
    Roles.SECTOR_DEPARTMENT
  })
  @Operation(
      summary = "Licence, registration, sanctions in force and list status",
      description =
          "Own institution, own district, or as auditor; a sector department sees the non-subject"
              + " institutions of its sector and district it co-supervises (REG-02).")
  @APIResponse(
      responseCode = "200",
      description = "The standing; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> getStanding(@PathParam("institutionId") String institutionId) {
    return service
        .standing(
            actor.actingAs(
                Roles.AUDITOR,
                Roles.REGULATOR,
                Roles.INSTITUTION_OPERATOR,
                Roles.SECTOR_DEPARTMENT),
            institutionId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/licence")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Issue the school-running licence (supervising regulator, REG-08/09)")
  @APIResponse(
      responseCode = "200",
      description = "Licence issued; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> issueLicence(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull StandingRequests.IssueLicence request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return run(
        key,
        command,
        request,
        () ->
            licences.issueLicence(
                command,
                institutionId,
                ifMatch,
                request.licenceNo(),
                request.validFrom(),
                request.validTo()));
  }

  @POST
  @Path("/licence/scope-change")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Change the licence scope",
      description = "REG-05: the legal registration must follow within 7 working days")
  @APIResponse(
      responseCode = "200",
      description = "Scope changed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> changeLicenceScope(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull StandingRequests.ChangeScope request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return run(
        key,
        command,
        request,
        () ->
            licences.changeLicenceScope(
                command, institutionId, ifMatch, request.subCategory(), request.mode()));
  }

  @POST
  @Path("/licence/revocation")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Revoke the licence; the institution is black-listed (LST-01)")
  @APIResponse(
      responseCode = "200",
      description = "Revoked and black-listed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> revokeLicence(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull StandingRequests.Revoke request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return run(
        key,
        command,
        request,
        () ->
            licences.revokeLicence(
                command, institutionId, ifMatch, request.ruleId(), request.detail()));
  }

  @POST
  @Path("/registration")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(summary = "File the legal registration (REG-06/07), own institution only")
  @APIResponse(
      responseCode = "200",
      description = "Registration filed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> fileRegistration(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull StandingRequests.FileRegistration request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return run(
        key,
        command,
        request,
        () ->
            service.fileRegistration(
                command,
                institutionId,
                ifMatch,
                request.type(),
                request.creditCode(),
                request.validTo()));
  }

  @POST
  @Path("/sanctions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Impose an ENF-01 sanction; stopping orders black-list the institution")
  @APIResponse(
      responseCode = "200",
      description = "Imposed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> imposeSanction(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull StandingRequests.ImposeSanction request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return run(
        key,
        command,
        request,
        () ->
            sanctions.imposeSanction(
                command,
                institutionId,
                ifMatch,
                request.type(),
                request.ruleId(),
                request.detail()));
  }

  @POST
  @Path("/sanctions/{sanctionId}/lifting")
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Lift a sanction in force")
  @APIResponse(
      responseCode = "200",
      description = "Lifted; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StandingView.class)))
  public Uni<Response> liftSanction(
      @PathParam("institutionId") String institutionId,
      @PathParam("sanctionId") UUID sanctionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return run(
        key,
        command,
        sanctionId,
        () -> sanctions.liftSanction(command, institutionId, ifMatch, sanctionId));
  }

  private Uni<Response> run(
      String key, CommandContext command, Object request, Supplier<Uni<StandingView>> call) {
    return idempotency.execute(
        command,
        key,
        request,
        () -> call.get().map(view -> CommandResult.ok(view.version(), view)));
  }
}
