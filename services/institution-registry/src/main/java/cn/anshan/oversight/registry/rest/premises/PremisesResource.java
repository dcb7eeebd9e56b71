package cn.anshan.oversight.registry.rest.premises;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.premises.Classroom;
import cn.anshan.oversight.registry.domain.premises.PremisesForm;
import cn.anshan.oversight.registry.service.premises.PremisesPage;
import cn.anshan.oversight.registry.service.premises.PremisesService;
import cn.anshan.oversight.registry.service.premises.PremisesView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Premises and classroom filing (REG-10, §11 row 4). */
@Cancellable(false)
@Path("/api/v1/institutions/{institutionId}/premises")
@Tag(name = "Premises", description = "Sites and classrooms of approved institutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARENT, Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
public class PremisesResource {
  private final PremisesService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public PremisesResource(
      PremisesService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "File a site of the operator's own approved institution (REG-10)",
      description =
          "Every broken rule is listed (422): same district as the approval (REG-08); no"
              + " residential flats or basements, m² per student per classroom, minimum area,"
              + " classrooms within the site, floor limit for children aged 12 or under, minimum"
              + " lease remaining (REG-10).")
  @APIResponse(
      responseCode = "201",
      description = "Filed; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PremisesView.class)))
  @APIResponse(responseCode = "404", description = "Not the operator's own institution")
  @APIResponse(responseCode = "409", description = "The institution is not approved")
  @APIResponse(responseCode = "422", description = "A REG-08/REG-10 rule is broken")
  public Uni<Response> filePremises(
      @PathParam("institutionId") String institutionId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull PremisesRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .file(command, institutionId, form(request))
                .map(
                    view ->
                        CommandResult.created(
                            URI.create(
                                "/api/v1/institutions/"
                                    + institutionId
                                    + "/premises/"
                                    + view.premisesId()),
                            view.version(),
                            view)));
  }

  @PUT
  @Path("/{premisesId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "Change a site of the operator's own institution (REG-10)",
      description =
          "Replaces the site; it is re-checked as if filed today. Classrooms keep their id when"
              + " their name is unchanged.")
  @APIResponse(
      responseCode = "200",
      description = "Changed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PremisesView.class)))
  @APIResponse(responseCode = "404", description = "Not a site of the operator's institution")
  @APIResponse(responseCode = "422", description = "A REG-08/REG-10 rule is broken")
  public Uni<Response> changePremises(
      @PathParam("institutionId") String institutionId,
      @PathParam("premisesId") UUID premisesId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull PremisesRequest request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .change(command, institutionId, premisesId, ifMatch, form(request))
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @GET
  @Operation(
      summary = "An institution's sites, oldest first (keyset pagination)",
      description =
          "Operators: their own institution; regulators: their district; auditors: all; parents:"
              + " any approved institution, public facts only (address, floor, classroom"
              + " capacities).")
  @APIResponse(
      responseCode = "200",
      description = "One page of sites (parents: public facts only)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PremisesPage.class)))
  @APIResponse(responseCode = "404", description = "No such institution visible to the caller")
  public Uni<PremisesPage> listPremises(
      @PathParam("institutionId") String institutionId,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(reader(), institutionId, cursor, limit);
  }

  @GET
  @Path("/{premisesId}")
  @Operation(summary = "Read a site the caller may see (parents: public facts only)")
  @APIResponse(
      responseCode = "200",
      description = "The site; ETag = version (not for parents)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PremisesView.class)))
  @APIResponse(responseCode = "404", description = "No such site visible to the caller")
  public Uni<Response> getPremises(
      @PathParam("institutionId") String institutionId, @PathParam("premisesId") UUID premisesId) {
    return service
        .get(reader(), institutionId, premisesId)
        .map(
            view -> {
              Response.ResponseBuilder ok = Response.ok(view);
              if (view.version() != null) {
                ok.header("ETag", Versions.etag(view.version()));
              }
              return ok.build();
            });
  }

  /** Classroom ids are left to the site: new ones on filing, kept by name on a change. */
  private static PremisesForm form(PremisesRequest request) {
    return new PremisesForm(
        request.address().strip(),
        request.district(),
        request.floorLevel(),
        request.buildingType(),
        request.areaSqm(),
        request.leaseEnd(),
        request.classrooms().stream()
            .map(r -> new Classroom(null, r.name().strip(), r.areaSqm(), r.maxStudents()))
            .toList());
  }

  private Actor reader() {
    return actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.PARENT);
  }
}
