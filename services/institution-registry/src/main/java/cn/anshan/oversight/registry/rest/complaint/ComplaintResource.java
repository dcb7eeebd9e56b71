package cn.anshan.oversight.registry.rest.complaint;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.complaint.ComplaintStatus;
import cn.anshan.oversight.registry.service.complaint.ComplaintPage;
import cn.anshan.oversight.registry.service.complaint.ComplaintService;
import cn.anshan.oversight.registry.service.complaint.ComplaintView;
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

/** Complaints about approved institutions (PLT-03, PLT-04, §11 row 14). */
@Cancellable(false)
@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "Parents' complaints, institutions' answers, closure")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARENT, Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
public class ComplaintResource {
  private final ComplaintService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ComplaintResource(
      ComplaintService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "File a complaint about an approved institution or any other operator (PLT-03)",
      description =
          "About an approved institution (institutionId): it must answer within the configured"
              + " working days (PLT-04). About an operator the register does not list (operator:"
              + " name, district, address): nobody is due to answer; the district's regulator"
              + " deals with it and may record the operator (ENF-02). AD complaints are routed to"
              + " the market regulator (§11 row 14).")
  @APIResponse(
      responseCode = "201",
      description = "Filed; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(responseCode = "404", description = "No such institution")
  @APIResponse(responseCode = "409", description = "The institution is not approved")
  public Uni<Response> fileComplaint(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull ComplaintRequests.File request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            file(command, request)
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/complaints/" + view.complaintId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "The caller's complaints, oldest first (keyset pagination)",
      description =
          "Parents: their own; operators: about their institution; regulators: their district;"
              + " auditors: all.")
  public Uni<ComplaintPage> listComplaints(
      @QueryParam("status") ComplaintStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(reader(), status, cursor, limit);
  }

  @GET
  @Path("/{complaintId}")
  @Operation(summary = "Read a complaint the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The complaint; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(responseCode = "404", description = "No such complaint visible to the caller")
  public Uni<Response> getComplaint(@PathParam("complaintId") UUID complaintId) {
    return service
        .get(reader(), complaintId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{complaintId}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(summary = "Answer a complaint about the operator's own institution (PLT-04)")
  @APIResponse(
      responseCode = "200",
      description = "Answered; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(responseCode = "404", description = "Not a complaint about the own institution")
  @APIResponse(responseCode = "409", description = "Already answered or closed")
  public Uni<Response> answerComplaint(
      @PathParam("complaintId") UUID complaintId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull ComplaintRequests.Answer request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .answer(command, complaintId, ifMatch, request.answer().strip())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{complaintId}/closure")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Close a complaint with an outcome (regulator of the institution's district)")
  @APIResponse(
      responseCode = "200",
      description = "Closed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ComplaintView.class)))
  @APIResponse(responseCode = "404", description = "Not a complaint of the regulator's district")
  @APIResponse(responseCode = "409", description = "Already closed")
  public Uni<Response> closeComplaint(
      @PathParam("complaintId") UUID complaintId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull ComplaintRequests.Close request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .close(command, complaintId, ifMatch, request.outcome(), request.note())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  private Uni<ComplaintView> file(CommandContext command, ComplaintRequests.File request) {
    String description = request.description().strip();
    if (request.operator() == null) {
      return service.file(command, request.institutionId(), request.category(), description);
    }
    ComplaintRequests.UnlistedOperator operator = request.operator();
    return service.fileAboutUnlistedOperator(
        command,
        operator.name().strip(),
        operator.address(),
        operator.district(),
        request.category(),
        description);
  }

  private Actor reader() {
    return actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.PARENT);
  }
}
