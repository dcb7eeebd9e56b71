package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.staff.BlacklistEntryView;
import cn.anshan.oversight.registry.service.staff.StaffBlacklistService;
import cn.anshan.oversight.registry.service.staff.StaffIdentities;
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

@Cancellable(false)
@Path("/api/v1/staff-blacklist")
@Tag(name = "Staff blacklist", description = "The city-wide 从业人员黑名单 (STF-06)")
@Produces(MediaType.APPLICATION_JSON)
public class StaffBlacklistResource {
  private final StaffBlacklistService service;
  private final StaffIdentities identities;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public StaffBlacklistResource(
      StaffBlacklistService service,
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
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Put a person on the staff blacklist (STF-06)",
      description =
          "City-wide: any district's regulator. The ID number is stored only as a keyed hash. The"
              + " answer and the StaffBlacklisted event list where the person is filed now.")
  @APIResponse(
      responseCode = "201",
      description = "Listed; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BlacklistEntryView.class)))
  @APIResponse(responseCode = "409", description = "The person is already listed")
  public Uni<Response> blacklistStaff(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull BlacklistRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request.fingerprint(identities),
        () ->
            service
                .add(command, request.nationalIdNumber(), request.redLine(), request.detail())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/staff-blacklist/" + view.entryId()),
                            view.version(),
                            view)));
  }

  @GET
  @Path("/{entryId}")
  @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR})
  @Operation(summary = "Read a blacklist entry and where the person is filed now")
  @APIResponse(
      responseCode = "200",
      description = "The entry; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BlacklistEntryView.class)))
  @APIResponse(responseCode = "404", description = "No such entry")
  public Uni<Response> getStaffBlacklistEntry(@PathParam("entryId") String entryId) {
    return service
        .get(entryId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }
}
