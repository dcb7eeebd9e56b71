package cn.anshan.oversight.registry.rest.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.course.ClassificationCheck;
import cn.anshan.oversight.registry.rest.course.CourseRequest.ClassificationRequest;
import cn.anshan.oversight.registry.service.course.CourseClassificationService;
import cn.anshan.oversight.registry.service.course.CourseView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/courses/{courseId}/classification")
@Tag(name = "Courses")
@Produces(MediaType.APPLICATION_JSON)
public class CourseClassificationResource {
  private final CourseClassificationService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public CourseClassificationResource(
      CourseClassificationService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  /** How the bureau assessed the course on the four criteria, and what it looked at. */
  public record ClassificationDecisionRequest(
      @NotNull @Valid ClassificationRequest assessed,
      @Schema(description = "What was checked: the teaching plan, materials, a class visit")
          @NotBlank
          @Size(max = 200)
          String evidenceReference) {

    ClassificationCheck toCheck() {
      return new ClassificationCheck(assessed.toClassification(), evidenceReference.strip());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Record the education bureau's classification of a non-subject course (REG-03)",
      description =
          "Issue 18 item 3: the operator's classification on REG-03's four criteria (purpose,"
              + " content, method, evaluation) stays UNVERIFIED until the regulator of the course's"
              + " district, for the bureau that has the final say, records its own. The outcome is"
              + " VERIFIED, or REFUTED when any criterion is the subject-type one: the course is"
              + " disguised subject-type training (REG-03, TIM-05; event CourseClassified.v1,"
              + " which stops its sales in escrow). Unverified and refuted classifications raise"
              + " the institution's grade in INS-02 sampling. A later decision replaces an earlier"
              + " one. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CourseView.class)))
  @APIResponse(responseCode = "404", description = "Not a course in the regulator's district")
  @APIResponse(
      responseCode = "409",
      description = "A subject-type course: there is nothing to classify")
  public Uni<Response> classifyCourse(
      @PathParam("courseId") String courseId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull ClassificationDecisionRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .classify(command, courseId, ifMatch, request.toCheck())
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
