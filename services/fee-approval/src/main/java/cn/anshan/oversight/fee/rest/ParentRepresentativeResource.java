package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.ParentRepresentativeService;
import cn.anshan.oversight.fee.service.ParentRepresentativeView;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Parent-committee representatives of a school (LN-ASV-01, LN-ASV-06). */
@Cancellable(false)
@Path("/api/v1/schools/{schoolId}/parent-representatives")
@Tag(
    name = "Parent representatives",
    description = "Parents who act for a school's parent committee in fee consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ParentRepresentativeResource {
  private final ParentRepresentativeService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ParentRepresentativeResource(
      ParentRepresentativeService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Register a parent (Keycloak subject) as a parent-committee representative",
      description =
          "Only for the admin's own school, and only a parent of that school: a guardian of a child"
              + " registered there in enrolment (learnt from ChildRegistered). Registering twice"
              + " changes nothing. Publishes ParentRepresentativeRegistered.")
  @APIResponse(
      responseCode = "200",
      description = "Registered",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParentRepresentativeView.class)))
  @APIResponse(responseCode = "404", description = "Not the admin's school")
  @APIResponse(
      responseCode = "422",
      description = "The subject has no child registered at the school (LN-ASV-06)")
  public Uni<Response> registerParentRepresentative(
      @PathParam("schoolId") String schoolId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Representative request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        idempotencyKey,
        command.actor().subject() + " POST representative " + schoolId,
        request,
        () ->
            service
                .register(command, schoolId, request.subject())
                .map(view -> new CommandResult(200, view, null, null)));
  }

  @GET
  @RolesAllowed({Roles.SCHOOL_ADMIN, Roles.AUDITOR})
  @Operation(summary = "The school's registered representatives (own school, or auditors)")
  @APIResponse(
      responseCode = "200",
      description = "The school's representatives",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ParentRepresentativeView.class)))
  @APIResponse(responseCode = "404", description = "Not the admin's school")
  public Uni<List<ParentRepresentativeView>> listParentRepresentatives(
      @PathParam("schoolId") String schoolId) {
    return service.list(actor.actingAs(Roles.AUDITOR, Roles.SCHOOL_ADMIN), schoolId);
  }

  @DELETE
  @Path("/{subject}")
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Remove a representative of the own school",
      description = "Publishes ParentRepresentativeRemoved.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such representative of the own school")
  public Uni<Response> removeParentRepresentative(
      @PathParam("schoolId") String schoolId, @PathParam("subject") String subject) {
    return service
        .remove(actor.command(Roles.SCHOOL_ADMIN), schoolId, subject)
        .map(v -> Response.noContent().build());
  }
}
