package cn.anshan.oversight.enrolment.rest;

import cn.anshan.oversight.enrolment.service.AdmissionView;
import cn.anshan.oversight.enrolment.service.ProviderService;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Outside providers in programmes: reading and periodic evaluation (ASV-06). */
@Cancellable(false)
@Path("/api/v1/provider-admissions")
@Tag(name = "Providers", description = "Admissions of outside providers, evaluations, exits")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderAdmissionResource {
  private final ProviderService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ProviderAdmissionResource(
      ProviderService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @GET
  @Path("/{admissionId}")
  @RolesAllowed({Roles.SCHOOL_ADMIN, Roles.REGULATOR, Roles.AUDITOR})
  @Operation(summary = "Read an admission (its status shows an automatic exit)")
  @APIResponse(
      responseCode = "200",
      description = "The admission; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdmissionView.class)))
  @APIResponse(responseCode = "404", description = "No such admission visible to the caller")
  public Uni<Response> getProviderAdmission(@PathParam("admissionId") UUID admissionId) {
    return service
        .get(actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.SCHOOL_ADMIN), admissionId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{admissionId}/evaluations")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Record a periodic evaluation (ASV-06)",
      description = "A score below the configured pass mark exits the provider.")
  @APIResponse(
      responseCode = "200",
      description = "Evaluated; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdmissionView.class)))
  @APIResponse(responseCode = "404", description = "Not an admission of the admin's school")
  @APIResponse(responseCode = "409", description = "The provider has left")
  public Uni<Response> evaluateProvider(
      @PathParam("admissionId") UUID admissionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Evaluation request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .evaluate(command, admissionId, ifMatch, request.period(), request.score())
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
