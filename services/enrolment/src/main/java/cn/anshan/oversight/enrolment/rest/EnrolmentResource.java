package cn.anshan.oversight.enrolment.rest;

import cn.anshan.oversight.enrolment.domain.enrolment.CompulsionSignal;
import cn.anshan.oversight.enrolment.domain.enrolment.EnrolmentStatus;
import cn.anshan.oversight.enrolment.service.ChargeView;
import cn.anshan.oversight.enrolment.service.EnrolmentService;
import cn.anshan.oversight.enrolment.service.EnrolmentView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.Actor;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Voluntary enrolment and withdrawal (ASV-04, ASV-05, §11 row 17). */
@Cancellable(false)
@Path("/api/v1/enrolments")
@Tag(name = "Enrolments", description = "Guardians enrol and withdraw their children")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARENT, Roles.SCHOOL_ADMIN, Roles.REGULATOR, Roles.AUDITOR})
public class EnrolmentResource {
  private final EnrolmentService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public EnrolmentResource(
      EnrolmentService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PARENT, Roles.SCHOOL_ADMIN})
  @Operation(
      summary = "Apply for the caller's child (ASV-05)",
      description =
          "Only the child's guardian applies; the enrolment is confirmed at once. A school admin"
              + " calling this is refused with 403 (ASV-04, no compulsion) and the attempt is"
              + " reported as AsvCompulsionSignalled.")
  @APIResponse(
      responseCode = "201",
      description = "Enrolled; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrolmentView.class)))
  @APIResponse(responseCode = "403", description = "ASV-04: a school may not enrol a child")
  @APIResponse(responseCode = "404", description = "Not the caller's child, or no programme")
  @APIResponse(responseCode = "409", description = "Already enrolled")
  @APIResponse(responseCode = "422", description = "ASV-05: not offered to the child")
  public Uni<Response> enrol(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Enrol request) {
    CommandContext command = actor.command(Roles.PARENT, Roles.SCHOOL_ADMIN);
    if (command.actor().role().equals(Roles.SCHOOL_ADMIN)) {
      return service
          .signalCompulsion(command, request.childId().toString(), request.programmeId().toString())
          .map(
              signalled -> {
                throw CompulsionSignal.refusal();
              });
    }
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .enrol(
                    command,
                    request.childId(),
                    request.programmeId(),
                    request.startDate(),
                    request.options())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/enrolments/" + view.enrolmentId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "Enrolments, oldest first (keyset pagination)",
      description =
          "Parents: their children's; school admins: their school's; regulators: their"
              + " district's; auditors: all.")
  public Uni<Page<EnrolmentView>> listEnrolments(
      @QueryParam("status") EnrolmentStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(reader(), status, cursor, limit);
  }

  @GET
  @Path("/{enrolmentId}")
  @Operation(summary = "Read an enrolment the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The enrolment; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrolmentView.class)))
  @APIResponse(responseCode = "404", description = "No such enrolment visible to the caller")
  public Uni<Response> getEnrolment(@PathParam("enrolmentId") UUID enrolmentId) {
    return service
        .get(reader(), enrolmentId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @GET
  @Path("/{enrolmentId}/charges")
  @Operation(summary = "Charges and refunds of an enrolment (at most one per month of its term)")
  @APIResponse(
      responseCode = "200",
      description = "The charges of the enrolment",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ChargeView.class)))
  @APIResponse(responseCode = "404", description = "No such enrolment visible to the caller")
  public Uni<List<ChargeView>> listCharges(@PathParam("enrolmentId") UUID enrolmentId) {
    return service.charges(reader(), enrolmentId);
  }

  @POST
  @Path("/{enrolmentId}/withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Withdraw at any time (ASV-04), effective on a date (default today)",
      description =
          "Service ends the day before the effective date; the unused part of every charge is"
              + " refunded at the configured granularity (§8.3).")
  @APIResponse(
      responseCode = "200",
      description = "Withdrawn; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrolmentView.class)))
  @APIResponse(responseCode = "404", description = "Not an enrolment of the caller's child")
  @APIResponse(responseCode = "409", description = "Already withdrawn")
  public Uni<Response> withdraw(
      @PathParam("enrolmentId") UUID enrolmentId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Withdrawal request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .withdraw(command, enrolmentId, ifMatch, request.effectiveDate())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  private Actor reader() {
    return actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT);
  }
}
