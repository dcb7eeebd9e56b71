package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.domain.MotionKind;
import cn.anshan.oversight.fee.service.MotionView;
import cn.anshan.oversight.fee.service.ParentCommitteeService;
import cn.anshan.oversight.fee.service.ParentCommitteeView;
import cn.anshan.oversight.fee.service.ParentRepresentativeService;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * A school's parent committee chooses its own members (LN-ASV-01, LN-ASV-06 家长自愿): the school
 * convenes it, parents of the school stand, the committee's endorsements seat and remove.
 */
@Cancellable(false)
@Path("/api/v1/schools/{schoolId}/parent-committee")
@Tag(
    name = "Parent committee",
    description = "How a school's parent committee chooses the parents who represent it")
@Produces(MediaType.APPLICATION_JSON)
public class ParentCommitteeResource {
  private static final String MOTION_422 =
      "LN-ASV-06: founding a committee with no members takes parents of the school";
  private final ParentCommitteeService committee;
  private final ParentRepresentativeService reads;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ParentCommitteeResource(
      ParentCommitteeService committee,
      ParentRepresentativeService reads,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.committee = committee;
    this.reads = reads;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @PUT
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Convene the own school's parent committee",
      description =
          "Once per school; the committee takes the admin's district. It seats no one: parents of"
              + " the school stand and the committee chooses. Convening again changes nothing."
              + " Publishes ParentCommitteeConvened.")
  @APIResponse(
      responseCode = "200",
      description = "The committee",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParentCommitteeView.class)))
  @APIResponse(responseCode = "404", description = "Not the admin's school")
  public Uni<ParentCommitteeView> conveneParentCommittee(@PathParam("schoolId") String schoolId) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return committee
        .convene(command, schoolId)
        .chain(() -> reads.committee(command.actor(), schoolId));
  }

  @GET
  @RolesAllowed({Roles.SCHOOL_ADMIN, Roles.AUDITOR, Roles.PARENT})
  @Operation(
      summary = "The committee: its representatives and open motions with their tallies",
      description =
          "Auditors; the school's admin; parents of the school (guardians of a child there).")
  @APIResponse(
      responseCode = "200",
      description = "The committee",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParentCommitteeView.class)))
  @APIResponse(responseCode = "404", description = "Not convened, or not the caller's school")
  public Uni<ParentCommitteeView> getParentCommittee(@PathParam("schoolId") String schoolId) {
    return reads.committee(
        actor.actingAs(Roles.AUDITOR, Roles.SCHOOL_ADMIN, Roles.PARENT), schoolId);
  }

  @POST
  @Path("/candidacies")
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Stand for the school's parent committee (the calling parent)",
      description =
          "Only a parent of the school (a guardian of a child registered there, learnt from"
              + " ChildRegistered). Standing again answers the open candidacy. Publishes"
              + " RepresentativeCandidacyDeclared.")
  @APIResponse(
      responseCode = "201",
      description = "Candidacy declared",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MotionView.class)))
  @APIResponse(responseCode = "200", description = "Already standing")
  @APIResponse(responseCode = "409", description = "Already seated, or the committee not convened")
  @APIResponse(
      responseCode = "422",
      description = "LN-ASV-06: the caller has no child registered at the school")
  public Uni<Response> standForParentCommittee(
      @PathParam("schoolId") String schoolId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        null,
        () ->
            committee
                .stand(command, schoolId)
                .map(s -> new CommandResult(s.declared() ? 201 : 200, s.candidacy(), null, null)));
  }

  @POST
  @Path("/candidacies/{candidate}/endorsements")
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Endorse a parent's candidacy (the calling parent)",
      description =
          "A sitting representative; while the committee has no members, another parent of the"
              + " school (founding). A strict majority of the sitting representatives, or the"
              + " configured number of founding parents, seats the candidate at once. Endorsing"
              + " twice counts once. Publishes CommitteeMotionEndorsed, and"
              + " ParentRepresentativeRegistered when carried.")
  @APIResponse(
      responseCode = "200",
      description = "The candidacy's tally",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MotionView.class)))
  @APIResponse(
      responseCode = "403",
      description = "LN-ASV-06: not a sitting representative, or the candidate themselves")
  @APIResponse(responseCode = "404", description = "No open candidacy of this parent")
  @APIResponse(responseCode = "409", description = "Already seated, or the committee not convened")
  @APIResponse(responseCode = "422", description = MOTION_422)
  public Uni<Response> endorseCandidacy(
      @PathParam("schoolId") String schoolId,
      @PathParam("candidate") String candidate,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    return endorse(schoolId, MotionKind.SEAT, candidate, idempotencyKey);
  }

  @POST
  @Path("/representatives/{subject}/removal-endorsements")
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Endorse removing a representative (the calling parent, a sitting representative)",
      description =
          "A strict majority of the other sitting representatives removes at once. Publishes"
              + " CommitteeMotionEndorsed, and ParentRepresentativeRemoved when carried.")
  @APIResponse(
      responseCode = "200",
      description = "The removal's tally",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MotionView.class)))
  @APIResponse(
      responseCode = "403",
      description = "LN-ASV-06: not a sitting representative, or the representative themselves")
  @APIResponse(responseCode = "404", description = "No such representative")
  @APIResponse(responseCode = "409", description = "The committee not convened")
  public Uni<Response> endorseRemoval(
      @PathParam("schoolId") String schoolId,
      @PathParam("subject") String subject,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    return endorse(schoolId, MotionKind.UNSEAT, subject, idempotencyKey);
  }

  @DELETE
  @Path("/representatives/{subject}")
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Step down as a representative (the calling parent only)",
      description = "Publishes ParentRepresentativeRemoved with reason RESIGNED.")
  @APIResponse(responseCode = "204", description = "Stepped down")
  @APIResponse(
      responseCode = "403",
      description = "LN-ASV-06: another parent's seat; the committee removes by majority")
  @APIResponse(responseCode = "404", description = "Not a representative of the school")
  public Uni<Response> stepDown(
      @PathParam("schoolId") String schoolId, @PathParam("subject") String subject) {
    return committee
        .resign(actor.command(Roles.PARENT), schoolId, subject)
        .map(v -> Response.noContent().build());
  }

  private Uni<Response> endorse(
      String schoolId, MotionKind kind, String subject, String idempotencyKey) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        null,
        () ->
            committee
                .endorse(command, schoolId, kind, subject)
                .map(view -> new CommandResult(200, view, null, null)));
  }
}
