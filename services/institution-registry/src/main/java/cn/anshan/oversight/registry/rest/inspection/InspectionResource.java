package cn.anshan.oversight.registry.rest.inspection;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.inspection.InspectionType;
import cn.anshan.oversight.registry.domain.inspection.ProblemType;
import cn.anshan.oversight.registry.service.inspection.InspectionPlanService;
import cn.anshan.oversight.registry.service.inspection.InspectionService;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.InspectionView;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.PlanView;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.ReportedFinding;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Inspection plans, findings and rectifications (INS-01…03), by district. */
@Cancellable(false)
@Path("/api/v1")
@Tag(name = "Inspections", description = "Full-coverage and random-sample inspections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REGULATOR, Roles.SECTOR_DEPARTMENT})
public class InspectionResource {
  private final InspectionService service;
  private final InspectionPlanService planning;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public InspectionResource(
      InspectionService service,
      InspectionPlanService planning,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.planning = planning;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  public record PlanRequest(
      @NotNull InspectionType type, @NotNull LocalDate scheduledFor, Long seed) {}

  public record Finding(
      @NotNull ProblemType problemType,
      @NotBlank @Size(max = 1000) String detail,
      @Min(1) @Max(120) Integer rectificationWorkingDays) {}

  public record CompletionRequest(
      @NotNull @Size(max = 50) List<@Valid @NotNull Finding> findings) {}

  @POST
  @Path("/inspection-plans")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Plan an inspection round in the regulator's district",
      description =
          "FULL_COVERAGE: every approved institution (INS-01). RANDOM_SAMPLE: per risk grade the"
              + " configured share of white-listed institutions, drawn with a published seed"
              + " (INS-02); an institution with unverified staff declarations is sampled one grade"
              + " riskier, one with a refuted declaration at D, and the plan lists each raised"
              + " grade with its reason (issue 18 item 3). PREPAYMENT_AUDIT: the configured share of white-listed institutions"
              + " whose prepayment handling is audited, drawn the same way (INS-03).")
  @APIResponse(
      responseCode = "201",
      description = "Planned; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PlanView.class)))
  public Uni<Response> planInspections(
      @HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull PlanRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        key,
        request,
        () ->
            planning
                .plan(command, request.type(), request.scheduledFor(), request.seed())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/inspection-plans/" + view.planId()), 1, view)));
  }

  @GET
  @Path("/inspections/{inspectionId}")
  @RolesAllowed({
    Roles.REGULATOR,
    Roles.INSTITUTION_OPERATOR,
    Roles.AUDITOR,
    Roles.SECTOR_DEPARTMENT
  })
  @Operation(
      summary = "An inspection and its rectification orders",
      description =
          "District regulator, the inspected institution's operator, auditors, and the sector"
              + " department co-supervising a non-subject institution (REG-02); others 404.")
  @APIResponse(
      responseCode = "200",
      description = "The inspection; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InspectionView.class)))
  public Uni<Response> getInspection(@PathParam("inspectionId") UUID inspectionId) {
    return service
        .get(
            actor.actingAs(
                Roles.AUDITOR,
                Roles.REGULATOR,
                Roles.INSTITUTION_OPERATOR,
                Roles.SECTOR_DEPARTMENT),
            inspectionId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/inspections/{inspectionId}/completion")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record findings (INS-01 problem types); deadlines in working days",
      description =
          "The district's regulator, or the sector department co-supervising the inspected"
              + " non-subject institution (REG-02, PLT-05); others 404.")
  @APIResponse(
      responseCode = "200",
      description = "Completed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InspectionView.class)))
  public Uni<Response> completeInspection(
      @PathParam("inspectionId") UUID inspectionId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull CompletionRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR, Roles.SECTOR_DEPARTMENT);
    List<ReportedFinding> findings =
        request.findings().stream()
            .map(
                f -> new ReportedFinding(f.problemType(), f.detail(), f.rectificationWorkingDays()))
            .toList();
    return idempotency.execute(
        command,
        key,
        request,
        () ->
            service
                .complete(command, inspectionId, ifMatch, findings)
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/inspections/{inspectionId}/rectifications/{rectificationId}/verification")
  @Operation(
      summary = "Verify that a rectification order was carried out",
      description = "Whoever may record the inspection's findings (see completion).")
  @APIResponse(
      responseCode = "200",
      description = "Verified; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InspectionView.class)))
  public Uni<Response> verifyRectification(
      @PathParam("inspectionId") UUID inspectionId,
      @PathParam("rectificationId") UUID rectificationId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key) {
    CommandContext command = actor.command(Roles.REGULATOR, Roles.SECTOR_DEPARTMENT);
    return idempotency.execute(
        command,
        key,
        rectificationId,
        () ->
            service
                .verify(command, inspectionId, rectificationId, ifMatch)
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
