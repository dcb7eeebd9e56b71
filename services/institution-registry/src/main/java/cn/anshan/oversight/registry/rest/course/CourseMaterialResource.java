package cn.anshan.oversight.registry.rest.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.course.MaterialForm;
import cn.anshan.oversight.registry.domain.course.MaterialKind;
import cn.anshan.oversight.registry.service.course.CourseMaterialService;
import cn.anshan.oversight.registry.service.course.MaterialView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/courses/{courseId}/materials")
@Tag(name = "Courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
public class CourseMaterialResource {
  private final CourseMaterialService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public CourseMaterialResource(
      CourseMaterialService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  /** Body of a material filing. */
  public record MaterialRequest(
      @NotBlank @Size(max = 200) String title,
      @NotNull MaterialKind kind,
      @Size(max = 200) String publisher,
      @Schema(description = "ISBN-10 or ISBN-13 of a published book, digits (and a final X) only")
          @Pattern(regexp = "[0-9]{9}[0-9X]|[0-9]{13}")
          String isbn,
      @Schema(description = "Where the approver can read it: a document store key, a URL")
          @NotBlank
          @Size(max = 500)
          String reference) {

    MaterialForm toForm() {
      return new MaterialForm(
          title.strip(),
          kind,
          publisher == null ? null : publisher.strip(),
          isbn,
          reference.strip());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "File a teaching material of the operator's own course with the approver (REG-12)",
      description =
          "REG-12 (draft): materials are filed with the approver. Each filing is a MaterialFiled.v1"
              + " event of the course and raises its version. Where the city turns on"
              + " oversight.registry.schedule.materials-required, a course's sessions are refused"
              + " (422 REG-12) until it has filed one.")
  @APIResponse(
      responseCode = "201",
      description = "Filed; Location names it, ETag \"1\" (a filed material never changes)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MaterialView.class)))
  @APIResponse(responseCode = "404", description = "Not a course of the operator's institution")
  public Uni<Response> fileCourseMaterial(
      @PathParam("courseId") String courseId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull MaterialRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .file(command, courseId, request.toForm())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create(
                                "/api/v1/courses/" + courseId + "/materials/" + view.materialId()),
                            1,
                            view)));
  }

  @GET
  @Operation(
      summary = "A course's filed teaching materials, oldest first",
      description = "Own institution, the regulator's district, or as auditor; others 404.")
  public Uni<List<MaterialView>> listCourseMaterials(@PathParam("courseId") String courseId) {
    return service.list(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR), courseId);
  }

  @GET
  @Path("/{materialId}")
  @Operation(summary = "One filed teaching material (own institution, district, or as auditor)")
  @APIResponse(
      responseCode = "200",
      description = "The material",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MaterialView.class)))
  @APIResponse(responseCode = "404", description = "No such material visible to the caller")
  public Uni<MaterialView> getCourseMaterial(
      @PathParam("courseId") String courseId, @PathParam("materialId") String materialId) {
    return service.get(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
        courseId,
        materialId);
  }
}
