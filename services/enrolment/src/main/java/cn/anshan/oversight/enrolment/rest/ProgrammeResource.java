package cn.anshan.oversight.enrolment.rest;

import cn.anshan.oversight.enrolment.service.AdmissionView;
import cn.anshan.oversight.enrolment.service.ChargeRunView;
import cn.anshan.oversight.enrolment.service.ChargeService;
import cn.anshan.oversight.enrolment.service.ContentAgreementService;
import cn.anshan.oversight.enrolment.service.ContentAgreementView;
import cn.anshan.oversight.enrolment.service.ProgrammeService;
import cn.anshan.oversight.enrolment.service.ProgrammeView;
import cn.anshan.oversight.enrolment.service.ProviderService;
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

/** After-school programmes per school and term (§11 rows 16, 18, 20, 21). */
@Cancellable(false)
@Path("/api/v1/programmes")
@Tag(name = "Programmes", description = "一校一案: 5+2 plans, providers and charge runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARENT, Roles.SCHOOL_ADMIN, Roles.REGULATOR, Roles.AUDITOR})
public class ProgrammeResource {
  private final ProgrammeService service;
  private final ProviderService providers;
  private final ChargeService chargeService;
  private final ContentAgreementService agreements;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ProgrammeResource(
      ProgrammeService service,
      ProviderService providers,
      ChargeService chargeService,
      ContentAgreementService agreements,
      CurrentActor actor,
      IdempotentCommands idempotency) {
    this.service = service;
    this.agreements = agreements;
    this.providers = providers;
    this.chargeService = chargeService;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Publish the school's programme for a term (ASV-01/02/04/07, LN-ASV-01/02)",
      description =
          "AFTER_SCHOOL: 5 school days a week, at least 2 hours a day, ending no earlier than the"
              + " local off-work time and not after the latest end of its grades; early arrival,"
              + " lunch and evening self-study are not after-school service. One plan per school,"
              + " term and type.")
  @APIResponse(
      responseCode = "201",
      description = "Published; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgrammeView.class)))
  @APIResponse(responseCode = "409", description = "The school already has this plan")
  @APIResponse(
      responseCode = "422",
      description =
          "ASV-02: fewer than 5 school days or 2 hours a day; ASV-01: ends before the local off-work time (every broken rule is listed)")
  public Uni<Response> publishProgramme(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Programme request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .publish(command, request.form())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/programmes/" + view.programmeId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "Programmes, oldest first (keyset pagination)",
      description =
          "Parents and auditors: all (filter by schoolId); school admins: their school;"
              + " regulators: their district.")
  public Uni<Page<ProgrammeView>> listProgrammes(
      @QueryParam("schoolId") String schoolId,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(reader(), schoolId, cursor, limit);
  }

  @GET
  @Path("/{programmeId}")
  @Operation(summary = "Read a programme")
  @APIResponse(
      responseCode = "200",
      description = "The programme; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgrammeView.class)))
  @APIResponse(responseCode = "404", description = "No such programme visible to the caller")
  public Uni<Response> getProgramme(@PathParam("programmeId") UUID programmeId) {
    return service
        .get(reader(), programmeId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{programmeId}/revision")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(summary = "Revise the timetable and content; term and type stay (same rules)")
  @APIResponse(
      responseCode = "200",
      description = "Changed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ProgrammeView.class)))
  @APIResponse(responseCode = "404", description = "Not a programme of the admin's school")
  @APIResponse(
      responseCode = "422",
      description =
          "ASV-02: fewer than 5 school days or 2 hours a day; ASV-01: ends before the local off-work time (same rules as publishing)")
  public Uni<Response> reviseProgramme(
      @PathParam("programmeId") UUID programmeId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Programme request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .change(command, programmeId, ifMatch, request.form())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{programmeId}/content-agreement")
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Agree to the programme's content as a parent representative (LN-ASV-01)",
      description =
          "A representative of the school's parent committee (learnt from fee-approval's"
              + " ParentRepresentativeRegistered) agrees to the version read (If-Match); a strict"
              + " majority of the sitting committee agrees the content, and families may enrol."
              + " Agreeing twice counts once; new activities in a revision void the agreement."
              + " Publishes ProgrammeContentEndorsed.")
  @APIResponse(
      responseCode = "200",
      description = "The agreement's tally; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ContentAgreementView.class)))
  @APIResponse(
      responseCode = "403",
      description = "LN-ASV-01: not a representative of the programme's school")
  @APIResponse(responseCode = "404", description = "No such programme")
  public Uni<Response> agreeProgrammeContent(
      @PathParam("programmeId") UUID programmeId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        null,
        () ->
            agreements
                .agree(command, programmeId, ifMatch)
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{programmeId}/providers")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Admit an outside provider (ASV-06)",
      description =
          "Only while the registry's events say the institution is white-listed, operational and"
              + " licensed, for one of its filed courses, at a fee per lesson no higher than the"
              + " course's filed price.")
  @APIResponse(
      responseCode = "201",
      description = "Admitted; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdmissionView.class)))
  @APIResponse(responseCode = "404", description = "Not a programme of the admin's school")
  @APIResponse(responseCode = "409", description = "Already admitted")
  @APIResponse(
      responseCode = "422",
      description =
          "ASV-06: not white-listed or not licensed, not its filed course, or a fee above the"
              + " course's filed price")
  public Uni<Response> admitProvider(
      @PathParam("programmeId") UUID programmeId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.Admission request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            providers
                .admit(command, programmeId, request.offer())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/provider-admissions/" + view.admissionId()),
                            view.version(),
                            view)));
  }

  @GET
  @Path("/{programmeId}/providers")
  @Operation(summary = "Providers admitted to a programme, current and past")
  @APIResponse(
      responseCode = "200",
      description = "The admissions of the programme",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AdmissionView.class)))
  @APIResponse(responseCode = "404", description = "No such programme visible to the caller")
  public Uni<List<AdmissionView>> listProviders(@PathParam("programmeId") UUID programmeId) {
    return providers.ofProgramme(reader(), programmeId);
  }

  @POST
  @Path("/{programmeId}/charge-runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.SCHOOL_ADMIN)
  @Operation(
      summary = "Charge the enrolled children for a month or the term (LN-ASV-03/06, §8.3)",
      description =
          "Exactly at the fee fee-approval published for the school, term and type, as approved"
              + " (including senior-high fees under the higher LN-ASV-05 level caps); nothing"
              + " before publication, never across terms, 0 for exempt children. Children"
              + " already charged for the period are skipped.")
  @APIResponse(
      responseCode = "201",
      description = "The charges issued by this run",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChargeRunView.class)))
  @APIResponse(responseCode = "404", description = "Not a programme of the admin's school")
  @APIResponse(
      responseCode = "422",
      description =
          "No published fee, outside the term, or a published fee above the LN-ASV-05 sanity"
              + " ceiling (the highest level cap, 470 yuan)")
  public Uni<Response> runCharges(
      @PathParam("programmeId") UUID programmeId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.ChargeRun request) {
    CommandContext command = actor.command(Roles.SCHOOL_ADMIN);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            chargeService
                .issue(command, programmeId, request.month())
                .map(run -> new CommandResult(201, run, null, null)));
  }

  private Actor reader() {
    return actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT);
  }
}
