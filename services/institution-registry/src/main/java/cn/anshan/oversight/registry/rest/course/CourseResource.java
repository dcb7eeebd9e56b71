package cn.anshan.oversight.registry.rest.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.course.CourseScheduling;
import cn.anshan.oversight.registry.service.course.CourseService;
import cn.anshan.oversight.registry.service.course.CourseView;
import cn.anshan.oversight.registry.service.course.SessionPage;
import cn.anshan.oversight.registry.service.course.SessionReports;
import cn.anshan.oversight.registry.service.course.SessionView;
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
@Path("/api/v1/courses")
@Tag(name = "Courses", description = "Filing courses and scheduling their sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
public class CourseResource {
  private final CourseService service;
  private final CourseScheduling scheduling;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;
  private final SessionReports reports;

  public CourseResource(
      CourseService service,
      CourseScheduling scheduling,
      CurrentActor actor,
      IdempotentCommands idempotency,
      SessionReports reports) {
    this.service = service;
    this.scheduling = scheduling;
    this.actor = actor;
    this.idempotency = idempotency;
    this.reports = reports;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "File a course of the operator's approved institution",
      description =
          "Rules TIM-05, REG-01, REG-06 (category and mode of the licence), TIM-02 (online lesson"
              + " length) and, for subject-type courses, the guided price PRC-01/PRC-03.")
  @APIResponse(
      responseCode = "201",
      description = "Filed; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CourseView.class)))
  @APIResponse(responseCode = "409", description = "The institution is not approved")
  @APIResponse(
      responseCode = "422",
      description =
          "REG-06: outside the licence's category or mode; TIM-02: online lesson too long; PRC-03: above the guided price; nothing was stored")
  public Uni<Response> fileCourse(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull CourseRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .file(command, request.toForm())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/courses/" + view.courseId()),
                            view.version(),
                            view)));
  }

  @GET
  @Path("/{courseId}")
  @Operation(summary = "Read a course (own institution, own district, or as auditor)")
  @APIResponse(
      responseCode = "200",
      description = "The course; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CourseView.class)))
  @APIResponse(responseCode = "404", description = "No such course visible to the caller")
  public Uni<Response> getCourse(@PathParam("courseId") String courseId) {
    return service
        .get(actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR), courseId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{courseId}/sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "Schedule a session of the operator's course",
      description =
          "Times are local (Asia/Shanghai). Rules TIM-01 (subject-type: no rest days, statutory"
              + " holidays or vacations), TIM-02 (online), TIM-03 (offline), TIM-04 (school"
              + " hours). Requires If-Match with the course's ETag.")
  @APIResponse(
      responseCode = "201",
      description = "Scheduled; ETag = the course's new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionView.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "TIM-01: subject-type on a rest day, holiday or vacation; TIM-03: offline too late; TIM-04: in school hours; nothing was stored")
  public Uni<Response> scheduleSession(
      @PathParam("courseId") String courseId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull SessionRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            scheduling
                .schedule(command, courseId, ifMatch, request.startsAt(), request.endsAt())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create(
                                "/api/v1/courses/" + courseId + "/sessions/" + view.sessionId()),
                            view.courseVersion(),
                            view)));
  }

  @GET
  @Path("/{courseId}/sessions")
  @Operation(summary = "A course's sessions in start order (keyset pagination)")
  @APIResponse(
      responseCode = "200",
      description = "One page of sessions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionPage.class)))
  @APIResponse(responseCode = "404", description = "No such course visible to the caller")
  public Uni<SessionPage> listSessions(
      @PathParam("courseId") String courseId,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return scheduling.sessions(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
        courseId,
        cursor,
        limit);
  }

  @GET
  @Path("/{courseId}/sessions/{sessionId}")
  @Operation(summary = "Read one session of a course")
  @APIResponse(
      responseCode = "200",
      description = "The session",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionView.class)))
  @APIResponse(responseCode = "404", description = "No such session visible to the caller")
  public Uni<SessionView> getSession(
      @PathParam("courseId") String courseId, @PathParam("sessionId") String sessionId) {
    return scheduling.session(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
        courseId,
        sessionId);
  }

  @POST
  @Path("/{courseId}/sessions/{sessionId}/held")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "Report a session of the operator's course as held, with who attended",
      description =
          "REL-04: escrow releases a lesson's money only for a session reported held that the"
              + " order's child attended. Children by enrolment's child id, no names. Once per"
              + " session (409 after); not before the session started (422 REL-04).")
  @APIResponse(
      responseCode = "200",
      description = "Reported; ETag = the course's new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SessionView.class)))
  @APIResponse(responseCode = "404", description = "No such session of the operator's course")
  @APIResponse(responseCode = "409", description = "The session was reported held already")
  @APIResponse(
      responseCode = "422",
      description = "REL-04: the session has not started; nothing stored")
  public Uni<Response> reportSessionHeld(
      @PathParam("courseId") String courseId,
      @PathParam("sessionId") String sessionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull HeldReport request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            reports
                .reportHeld(command, courseId, sessionId, request.attendingChildIds())
                .map(held -> CommandResult.ok(held.courseVersion(), held.session())));
  }
}
