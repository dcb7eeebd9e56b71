package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.staff.QualificationCheck;
import cn.anshan.oversight.registry.service.staff.StaffVerificationService;
import cn.anshan.oversight.registry.service.staff.StaffView;
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
@Path("/api/v1/institutions/{institutionId}/staff/{staffId}/verification")
@Tag(name = "Staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffVerificationResource {
  private final StaffVerificationService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public StaffVerificationResource(
      StaffVerificationService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  /** What the regulator found; the outcome (VERIFIED or REFUTED) is computed from it. */
  public record VerificationRequest(
      @Schema(
              description =
                  "The declared certificate exists, is the person's and matches the post (STF-01);"
                      + " required for teaching staff and whoever declared a certificate")
          Boolean qualificationConfirmed,
      @Schema(description = "The person was found to be an in-service school teacher (STF-02)")
          @NotNull
          Boolean inServiceTeacherFound,
      @Schema(description = "What was checked: a register query, a school's letter, a visit")
          @NotBlank
          @Size(max = 200)
          String evidenceReference) {

    QualificationCheck toCheck() {
      return new QualificationCheck(
          qualificationConfirmed, inServiceTeacherFound, evidenceReference.strip());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Record the check of a staff member's qualification and in-service status",
      description =
          "Issue 18 item 3: what the operator declared when filing (STF-01 certificate, STF-02 not"
              + " an in-service teacher) stays UNVERIFIED until the regulator of the institution's"
              + " district records what it found. The outcome is VERIFIED, or REFUTED naming the"
              + " broken rules (event StaffQualificationVerified.v1); unverified and refuted staff"
              + " raise the institution's grade in INS-02 sampling and are counted on the public"
              + " register. A later check replaces an earlier one. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "Recorded; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = StaffView.class)))
  @APIResponse(responseCode = "404", description = "Not a staff member in the regulator's district")
  @APIResponse(responseCode = "409", description = "The person has left")
  public Uni<Response> verifyStaffQualification(
      @PathParam("institutionId") String institutionId,
      @PathParam("staffId") String staffId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull VerificationRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .verify(command, institutionId, staffId, ifMatch, request.toCheck())
                .map(view -> CommandResult.ok(view.version(), view)));
  }
}
