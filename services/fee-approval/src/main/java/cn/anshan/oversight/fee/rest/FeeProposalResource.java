package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.domain.FeeProposalFilter;
import cn.anshan.oversight.fee.domain.FeeStatus;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.service.FeeDrafting;
import cn.anshan.oversight.fee.service.FeeHistoryView;
import cn.anshan.oversight.fee.service.FeeProposalPage;
import cn.anshan.oversight.fee.service.FeeProposalQueries;
import cn.anshan.oversight.fee.service.FeeProposalView;
import cn.anshan.oversight.fee.service.FeePublication;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
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

/**
 * After-school fee standards from proposal to publication (DOMAIN.md §8, §11 row 19): the school's
 * drafts, amendments, publication and revisions, and the reads. Parents' consultation is in {@link
 * FeeConsultationResource}, the joint submission and the decision in {@link FeeSubmissionResource}.
 */
@Cancellable(false)
@Path("/api/v1/fee-proposals")
@Tag(name = "Fee proposals", description = "Proposal, consultation, joint submission, approval")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.AUDITOR,
  Roles.CITY_GOVERNMENT,
  Roles.PRICING_OFFICER,
  Roles.REGULATOR,
  Roles.SCHOOL_ADMIN,
  Roles.PARENT
})
public class FeeProposalResource {
  private static final String[] READERS = {
    Roles.AUDITOR,
    Roles.CITY_GOVERNMENT,
    Roles.PRICING_OFFICER,
    Roles.REGULATOR,
    Roles.SCHOOL_ADMIN,
    Roles.PARENT
  };

  private final FeeDrafting drafting;
  private final FeePublication publication;
  private final FeeProposalQueries queries;
  private final ProposalCommands commands;
  private final CurrentActor actor;

  public FeeProposalResource(
      FeeDrafting drafting,
      FeePublication publication,
      FeeProposalQueries queries,
      ProposalCommands commands,
      CurrentActor actor) {
    this.drafting = drafting;
    this.publication = publication;
    this.queries = queries;
    this.commands = commands;
    this.actor = actor;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Propose the fee of the caller's school for a term and programme type",
      description =
          "Checks 以支定收/支价相符 (fee × participants ≤ monthly cost, LN-ASV-06), the cap"
              + " (LN-ASV-03, per level LN-ASV-05) and the fee-item catalogue (ASV-04). The school"
              + " and its district come from the token.")
  @APIResponse(
      responseCode = "201",
      description = "Drafted; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "409", description = "The school already has this fee; revise it")
  @APIResponse(
      responseCode = "422",
      description =
          "LN-ASV-03: above the cap; LN-ASV-06: fee × participants exceeds the monthly cost; ASV-04: not an item of the fee catalogue (every broken rule is listed)")
  public Uni<Response> proposeFee(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Propose request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return commands.create(
        idempotencyKey,
        command,
        request,
        () ->
            drafting.draft(
                command,
                new FeeDrafting.Draft(
                    request.term(), request.programmeType(), request.terms(), request.payee())));
  }

  @GET
  @Operation(
      summary = "The proposals the caller may see, oldest first (keyset pagination)",
      description =
          "School admins: their school; regulators: their district; parent representatives: the"
              + " schools they represent; pricing officers, the city government and auditors: all.")
  public Uni<FeeProposalPage> listFeeProposals(
      @QueryParam("schoolId") String schoolId,
      @QueryParam("termId") String termId,
      @QueryParam("programmeType") ProgrammeType programmeType,
      @QueryParam("status") FeeStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return queries.list(
        reader(), new FeeProposalFilter(schoolId, termId, programmeType, status), cursor, limit);
  }

  @GET
  @Path("/{proposalId}")
  @Operation(summary = "Read a proposal the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The proposal; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "404", description = "No such proposal visible to the caller")
  public Uni<Response> getFeeProposal(@PathParam("proposalId") UUID proposalId) {
    return queries
        .get(reader(), proposalId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @GET
  @Path("/{proposalId}/history")
  @Operation(summary = "Every step of a proposal, oldest first (kept for good)")
  @APIResponse(
      responseCode = "200",
      description = "The steps, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = FeeHistoryView.class)))
  @APIResponse(responseCode = "404", description = "No such proposal visible to the caller")
  public Uni<List<FeeHistoryView>> getFeeProposalHistory(@PathParam("proposalId") UUID proposalId) {
    return queries.history(reader(), proposalId);
  }

  @POST
  @Path("/{proposalId}/amendment")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Amend a draft or returned proposal of the own school",
      description = "The consultation and signatures are void: parents must agree again.")
  @APIResponse(
      responseCode = "200",
      description = "Amended; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "404", description = "Not a proposal of the own school")
  @APIResponse(responseCode = "409", description = "Not DRAFT or RETURNED (LN-ASV-06)")
  @APIResponse(
      responseCode = "422",
      description =
          "LN-ASV-03: above the cap; LN-ASV-06: fee × participants exceeds the monthly cost (same rules as proposing)")
  public Uni<Response> amendFeeProposal(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Terms request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return commands.run(
        idempotencyKey,
        command,
        request,
        () -> drafting.amend(command, proposalId, ifMatch, request.terms(), request.payee()));
  }

  @POST
  @Path("/{proposalId}/publication")
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Publish the approved fee of the own school; only published fees may be charged",
      description =
          "Emits FeePublished (the enrolment service charges from it); a published earlier"
              + " revision is superseded.")
  @APIResponse(
      responseCode = "200",
      description = "Published; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "404", description = "Not a proposal of the own school")
  @APIResponse(responseCode = "409", description = "Not APPROVED (LN-ASV-06)")
  public Uni<Response> publishFee(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return commands.run(
        idempotencyKey, command, null, () -> publication.publish(command, proposalId, ifMatch));
  }

  @POST
  @Path("/{proposalId}/revisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Start a revision of the published fee of the own school",
      description =
          "Creates a new proposal (revision + 1) that goes through consultation, joint submission"
              + " and approval again; the published fee stays in force until the revision is"
              + " published.")
  @APIResponse(
      responseCode = "201",
      description = "The new draft; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = FeeProposalView.class)))
  @APIResponse(responseCode = "404", description = "Not a proposal of the own school")
  @APIResponse(
      responseCode = "409",
      description = "Not PUBLISHED, or a revision is already in progress")
  @APIResponse(
      responseCode = "422",
      description =
          "LN-ASV-03: above the cap; LN-ASV-06: fee × participants exceeds the monthly cost (same rules as proposing)")
  public Uni<Response> reviseFee(
      @PathParam("proposalId") UUID proposalId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull FeeRequests.Terms request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return commands.create(
        idempotencyKey,
        command,
        request,
        () -> drafting.revise(command, proposalId, ifMatch, request.terms(), request.payee()));
  }

  private Actor reader() {
    return actor.actingAs(READERS);
  }
}
