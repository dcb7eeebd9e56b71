package cn.anshan.oversight.enrolment.rest;

import cn.anshan.oversight.enrolment.service.ChildView;
import cn.anshan.oversight.enrolment.service.ExemptionView;
import cn.anshan.oversight.enrolment.service.FamilyService;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Page;
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

/** Children registered by their guardians (ASV-05) and their exemption claims (LN-ASV-06). */
@Cancellable(false)
@Path("/api/v1/children")
@Tag(name = "Children", description = "A guardian's children (ids only) and exemption claims")
@Produces(MediaType.APPLICATION_JSON)
public class ChildResource {
  private final FamilyService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ChildResource(FamilyService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Register a child of the caller (ASV-05)",
      description = "Stores a generated childId, the school and the grade; no names or ID numbers.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChildView.class)))
  public Uni<Response> registerChild(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Child request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .register(command, request.schoolId(), request.grade())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/children/" + view.childId()),
                            view.version(),
                            view)));
  }

  @GET
  @RolesAllowed(Roles.PARENT)
  @Operation(summary = "The caller's children (keyset pagination)")
  public Uni<Page<ChildView>> listChildren(
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.children(actor.actingAs(Roles.PARENT), cursor, limit);
  }

  @GET
  @Path("/{childId}")
  @RolesAllowed({Roles.PARENT, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
  @Operation(summary = "Read a child: the guardian, the child's school admin, auditors")
  @APIResponse(
      responseCode = "200",
      description = "The child; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChildView.class)))
  @APIResponse(responseCode = "404", description = "No such child visible to the caller")
  public Uni<Response> getChild(@PathParam("childId") UUID childId) {
    return service
        .child(actor.actingAs(Roles.AUDITOR, Roles.SCHOOL_ADMIN, Roles.PARENT), childId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{childId}/exemptions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Claim a fee exemption for the caller's child (LN-ASV-06, §8.3)",
      description =
          "The category must be a configured exempt category; the school admin verifies the"
              + " evidence and grants or rejects.")
  @APIResponse(
      responseCode = "201",
      description = "Claimed; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExemptionView.class)))
  @APIResponse(responseCode = "404", description = "Not the caller's child")
  @APIResponse(responseCode = "422", description = "LN-ASV-06: not an exempt category")
  public Uni<Response> claimExemption(
      @PathParam("childId") UUID childId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.ExemptionClaim request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .claim(command, childId, request.category(), request.evidenceRef().strip())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/exemptions/" + view.exemptionId()),
                            view.version(),
                            view)));
  }
}
