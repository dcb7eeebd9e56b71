package cn.anshan.oversight.enrolment.rest;

import cn.anshan.oversight.enrolment.domain.family.ExemptionStatus;
import cn.anshan.oversight.enrolment.service.ExemptionView;
import cn.anshan.oversight.enrolment.service.FamilyService;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Exemption claims and the school's decision on them (LN-ASV-06, §8.3). */
@Cancellable(false)
@Path("/api/v1/exemptions")
@Tag(name = "Exemptions", description = "Fee exemptions verified by the child's school")
@Produces(MediaType.APPLICATION_JSON)
public class ExemptionResource {
  private final FamilyService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ExemptionResource(
      FamilyService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @GET
  @RolesAllowed({Roles.PARENT, Roles.SCHOOL_ADMIN, Roles.AUDITOR})
  @Operation(
      summary = "Exemptions, oldest first (keyset pagination)",
      description = "Parents: their own; school admins: their school's; auditors: all.")
  public Uni<Page<ExemptionView>> listExemptions(
      @QueryParam("status") ExemptionStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.exemptions(
        actor.actingAs(Roles.AUDITOR, Roles.SCHOOL_ADMIN, Roles.PARENT), status, cursor, limit);
  }

  @GET
  @Path("/{exemptionId}")
  @RolesAllowed({Roles.PARENT, Roles.SCHOOL_ADMIN, Roles.REGULATOR, Roles.AUDITOR})
  @Operation(summary = "Read an exemption")
  @APIResponse(
      responseCode = "200",
      description = "The exemption; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExemptionView.class)))
  @APIResponse(responseCode = "404", description = "No such exemption visible to the caller")
  public Uni<Response> getExemption(@PathParam("exemptionId") UUID exemptionId) {
    return service
        .exemption(
            actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT),
            exemptionId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{exemptionId}/grant")
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Grant after verifying the evidence (LN-ASV-06): charges become 0",
      description =
          "The exemption covers the whole term in which it is granted: what the child was already"
              + " charged in a term that has not ended is refunded in full (AsvRefundIssued,"
              + " reason EXEMPTION) in the same transaction; later charges are 0. Charges of"
              + " terms that ended before the grant stay as charged.")
  @APIResponse(
      responseCode = "200",
      description = "Granted; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExemptionView.class)))
  @APIResponse(responseCode = "404", description = "Not a claim of the admin's school")
  @APIResponse(responseCode = "409", description = "Already decided")
  public Uni<Response> grantExemption(
      @PathParam("exemptionId") UUID exemptionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    return decide(exemptionId, ifMatch, idempotencyKey, true);
  }

  @POST
  @Path("/{exemptionId}/rejection")
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(summary = "Reject: the evidence does not show an exempt category")
  @APIResponse(
      responseCode = "200",
      description = "Rejected; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExemptionView.class)))
  @APIResponse(responseCode = "404", description = "Not a claim of the admin's school")
  @APIResponse(responseCode = "409", description = "Already decided")
  public Uni<Response> rejectExemption(
      @PathParam("exemptionId") UUID exemptionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    return decide(exemptionId, ifMatch, idempotencyKey, false);
  }

  private Uni<Response> decide(
      UUID exemptionId, IfMatch ifMatch, String idempotencyKey, boolean grant) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        command,
        idempotencyKey,
        null,
        () ->
            service
                .decide(command, exemptionId, ifMatch, grant)
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
