package cn.anshan.oversight.registry.rest.inspection;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import cn.anshan.oversight.registry.service.inspection.InspectionService;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.RiskGradeView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/**
 * Its own class: JAX-RS matches the longest class path first, so a method under {@code /api/v1}
 * would be shadowed by the resources at {@code /api/v1/institutions/{institutionId}}.
 */
@Cancellable(false)
@Path("/api/v1/institutions/{institutionId}/risk-grade")
@Tag(name = "Inspections")
@Produces(MediaType.APPLICATION_JSON)
public class RiskGradeResource {
  private final InspectionService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public RiskGradeResource(
      InspectionService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  public record RiskGradeRequest(@NotNull RiskGrade riskGrade) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Grade an institution's risk A–D (INS-02); supervising district only")
  @APIResponse(
      responseCode = "200",
      description = "Graded; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RiskGradeView.class)))
  public Uni<Response> gradeRisk(
      @PathParam("institutionId") String institutionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull RiskGradeRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        key,
        request,
        () ->
            service
                .gradeRisk(command, institutionId, ifMatch, request.riskGrade())
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
