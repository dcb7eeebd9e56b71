package cn.anshan.oversight.registry.rest.course;

import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.course.CoursePage;
import cn.anshan.oversight.registry.service.course.CourseService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/institutions/{institutionId}/courses")
@Tag(name = "Courses", description = "Filing courses and scheduling their sessions")
@Produces(MediaType.APPLICATION_JSON)
public class InstitutionCoursesResource {
  private final CourseService service;
  private final CurrentActor actor;

  public InstitutionCoursesResource(CourseService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed({Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR, Roles.PARENT})
  @Operation(
      summary = "An approved institution's filed courses and prices (keyset pagination)",
      description =
          "Public to parents (PRC-07: content, duration and price are published); operators see"
              + " their own institution, regulators their district, auditors all.")
  @APIResponse(
      responseCode = "200",
      description = "One page of courses",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CoursePage.class)))
  @APIResponse(responseCode = "404", description = "No such institution visible to the caller")
  public Uni<CoursePage> listInstitutionCourses(
      @PathParam("institutionId") String institutionId,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.PARENT),
        institutionId,
        cursor,
        limit);
  }
}
