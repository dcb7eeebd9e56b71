package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.staff.StaffStatus;
import cn.anshan.oversight.registry.service.staff.StaffIdentities;
import cn.anshan.oversight.registry.service.staff.StaffPage;
import cn.anshan.oversight.registry.service.staff.StaffService;
import cn.anshan.oversight.registry.service.staff.StaffView;
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
@Path("/api/v1/institutions/{institutionId}/staff")
@Tag(name = "Staff", description = "Filing the staff of an approved institution (STF-01…STF-06)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
public class StaffResource {
  private final StaffService service;
  private final StaffIdentities identities;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public StaffResource(
      StaffService service,
      StaffIdentities identities,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.identities = identities;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "File a staff member of the operator's own approved institution",
      description =
          "Rules STF-01 (qualification), STF-02 (no in-service teachers), STF-03 (written labour"
              + " contract), STF-04 (full-time teaching staff ≥ the configured share of all staff"
              + " after the filing; filing a full-time teacher is never refused by it, so an"
              + " institution's first filing is a full-time teacher) and STF-06"
              + " (staff blacklist) are checked; every broken rule is listed. The national ID"
              + " number is stored only as a keyed hash.")
  @APIResponse(
      responseCode = "201",
      description = "Filed; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StaffView.class)))
  @APIResponse(responseCode = "404", description = "Not the operator's institution")
  @APIResponse(responseCode = "409", description = "The person is already active staff here")
  @APIResponse(
      responseCode = "422",
      description =
          "STF-01: no qualification for the post; STF-02: an in-service teacher; STF-03: no written labour contract; nothing was stored")
  public Uni<Response> fileStaffMember(
      @PathParam("institutionId") String institutionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull StaffRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request.fingerprint(identities),
        () ->
            service
                .file(command, institutionId, request.toFiling())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create(
                                "/api/v1/institutions/"
                                    + institutionId
                                    + "/staff/"
                                    + view.staffId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "The institution's staff, oldest filing first (keyset pagination)",
      description = "Own institution, the regulator's district, or as auditor; others 404.")
  public Uni<StaffPage> listStaff(
      @PathParam("institutionId") String institutionId,
      @QueryParam("status") StaffStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
        institutionId,
        status,
        cursor,
        limit);
  }

  @GET
  @Path("/{staffId}")
  @Operation(summary = "Read a staff member (own institution, own district, or as auditor)")
  @APIResponse(
      responseCode = "200",
      description = "The staff member; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StaffView.class)))
  @APIResponse(responseCode = "404", description = "No such staff member visible to the caller")
  public Uni<Response> getStaffMember(
      @PathParam("institutionId") String institutionId, @PathParam("staffId") String staffId) {
    return service
        .get(
            actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
            institutionId,
            staffId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{staffId}/departure")
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "A staff member leaves (requires If-Match)",
      description =
          "STF-04: the departure of a full-time teacher is refused when the remaining staff would"
              + " fall below the configured share of full-time teaching staff; file the successor"
              + " first. Other departures only raise the share and are never refused by it.")
  @APIResponse(
      responseCode = "200",
      description = "Left; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StaffView.class)))
  @APIResponse(responseCode = "409", description = "Already left")
  @APIResponse(responseCode = "422", description = "STF-04 would be broken")
  public Uni<Response> recordStaffDeparture(
      @PathParam("institutionId") String institutionId,
      @PathParam("staffId") String staffId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        staffId,
        () ->
            service
                .leave(command, institutionId, staffId, ifMatch)
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
