package cn.anshan.oversight.registry.rest;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.service.ApplicationPage;
import cn.anshan.oversight.registry.service.ApplicationService;
import cn.anshan.oversight.registry.service.ApplicationView;
import cn.anshan.oversight.registry.service.SectorOpinionService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/institution-applications")
@Tag(name = "Applications", description = "Applying for and deciding on institution approval")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {
  private final ApplicationService service;
  private final SectorOpinionService sectorOpinions;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ApplicationResource(
      ApplicationService service,
      SectorOpinionService sectorOpinions,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.sectorOpinions = sectorOpinions;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "Apply for approval",
      description =
          "The operator's institution (token claim institution_id) applies. Rules REG-02, REG-04,"
              + " REG-06 and REG-10 are checked; every broken rule is listed.")
  @APIResponse(
      responseCode = "201",
      description = "Applied; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "409", description = "An application is pending or approved")
  @APIResponse(
      responseCode = "422",
      description =
          "REG-04: no new subject-type institution for compulsory-education or pre-school"
              + " students; REG-10: less than 3 m² per student or below the minimum area; REG-02:"
              + " a non-subject institution without its sector; REG-06: a subject-type institution"
              + " not registered as a non-profit 民非; nothing was stored (every broken rule is"
              + " listed)")
  public Uni<Response> submitApplication(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull ApplicationRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .apply(command, request.toForm())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/institution-applications/" + view.institutionId()),
                            view.version(),
                            view)));
  }

  @GET
  @Path("/{institutionId}")
  @RolesAllowed({
    Roles.INSTITUTION_OPERATOR,
    Roles.REGULATOR,
    Roles.AUDITOR,
    Roles.SECTOR_DEPARTMENT
  })
  @Operation(
      summary =
          "Read an application (own institution, own district, own sector and district for a"
              + " sector department, or as auditor)")
  @APIResponse(
      responseCode = "200",
      description = "The application; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", description = "No such application visible to the caller")
  public Uni<Response> getApplication(@PathParam("institutionId") String institutionId) {
    return service
        .get(
            actor.actingAs(
                Roles.AUDITOR,
                Roles.REGULATOR,
                Roles.INSTITUTION_OPERATOR,
                Roles.SECTOR_DEPARTMENT),
            institutionId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @GET
  @RolesAllowed({Roles.REGULATOR, Roles.SECTOR_DEPARTMENT})
  @Operation(
      summary =
          "The regulator's district queue, or a sector department's non-subject applications of"
              + " its sector and district (REG-02), oldest first (keyset pagination)")
  public Uni<ApplicationPage> listApplications(
      @QueryParam("status") ApplicationStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(
        actor.actingAs(Roles.REGULATOR, Roles.SECTOR_DEPARTMENT), status, cursor, limit);
  }

  @POST
  @Path("/{institutionId}/approval")
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Approve (REG-08: only a regulator of the premises' district)",
      description = "The approver becomes the supervisor (REG-09). Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Approved; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "403", description = "REG-08: another district's application")
  @APIResponse(
      responseCode = "422",
      description =
          "The application's rules fail again under the current configuration, or (REG-08,"
              + " joint approval configured) the sector department has not concurred")
  public Uni<Response> approveApplication(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        institutionId,
        () ->
            service
                .approve(command, institutionId, ifMatch)
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{institutionId}/sector-opinion")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SECTOR_DEPARTMENT)
  @Operation(
      summary = "The sector department's opinion on a non-subject application (REG-02, REG-08)",
      description =
          "Only the department of the application's sector and district (token claims sector,"
              + " district); others get 404. A later opinion replaces an earlier one. Where the"
              + " city approves non-subject institutions jointly, approval waits for CONCURRED."
              + " Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller's sector")
  @APIResponse(responseCode = "409", description = "The application is already decided")
  public Uni<Response> recordSectorOpinion(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull SectorOpinionRequest request) {
    CommandContext command = actor.command(Roles.SECTOR_DEPARTMENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            sectorOpinions
                .record(command, institutionId, ifMatch, request.opinion(), request.reasonText())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{institutionId}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Reject, naming the broken rules (REG-08 applies as for approval)")
  @APIResponse(
      responseCode = "200",
      description = "Rejected; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  public Uni<Response> rejectApplication(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull RejectionRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .reject(command, institutionId, ifMatch, request.violations())
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
