package cn.anshan.oversight.registry.rest.advertising;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.advertising.AdReportStatus;
import cn.anshan.oversight.registry.service.advertising.AdReportPage;
import cn.anshan.oversight.registry.service.advertising.AdReportView;
import cn.anshan.oversight.registry.service.advertising.AdvertisingService;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Reports of suspected training advertisements and their confirmation (ADV-01). */
@Cancellable(false)
@Path("/api/v1/ad-reports")
@Tag(name = "Advertising", description = "ADV-01 advertising reports and decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT})
public class AdReportResource {
  private static final String[] REPORTERS = {Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT};

  private final AdvertisingService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public AdReportResource(
      AdvertisingService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT})
  @Operation(summary = "Report a suspected training advertisement (ADV-01)")
  @APIResponse(
      responseCode = "201",
      description = "Reported; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdReportView.class)))
  @APIResponse(responseCode = "404", description = "No such institution")
  public Uni<Response> reportAdvertisement(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull AdReportRequests.Report request) {
    CommandContext command = actor.command(REPORTERS);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .report(
                    command,
                    request.institutionId(),
                    request.channel(),
                    request.description().strip())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/ad-reports/" + view.adReportId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "Ad reports, oldest first (keyset pagination)",
      description = "Regulators: their district; auditors: all; others: what they reported.")
  public Uni<AdReportPage> listAdReports(
      @QueryParam("status") AdReportStatus status,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(reader(), status, cursor, limit);
  }

  @GET
  @Path("/{adReportId}")
  @Operation(summary = "Read an ad report the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The report; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdReportView.class)))
  @APIResponse(responseCode = "404", description = "No such report visible to the caller")
  public Uni<Response> getAdReport(@PathParam("adReportId") UUID adReportId) {
    return service
        .get(reader(), adReportId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{adReportId}/confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Confirm the violation (regulator of the institution's district)",
      description =
          "Counts toward repeat offending; reaching the threshold within the window also emits"
              + " AdRepeatOffenceDetected. No sanction is imposed automatically.")
  @APIResponse(
      responseCode = "200",
      description = "Confirmed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdReportView.class)))
  @APIResponse(responseCode = "404", description = "Not a report of the regulator's district")
  @APIResponse(responseCode = "409", description = "Already decided")
  public Uni<Response> confirmAdReport(
      @PathParam("adReportId") UUID adReportId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull AdReportRequests.Decision request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .confirm(command, adReportId, ifMatch, request.note())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  @POST
  @Path("/{adReportId}/dismissal")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(summary = "Dismiss the report with reasons (regulator of the institution's district)")
  @APIResponse(
      responseCode = "200",
      description = "Dismissed; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdReportView.class)))
  @APIResponse(responseCode = "404", description = "Not a report of the regulator's district")
  @APIResponse(responseCode = "409", description = "Already decided")
  public Uni<Response> dismissAdReport(
      @PathParam("adReportId") UUID adReportId,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull AdReportRequests.Dismissal request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .dismiss(command, adReportId, ifMatch, request.note())
                .map(view -> CommandResult.ok(view.version(), view)));
  }

  private Actor reader() {
    return actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.SCHOOL_ADMIN, Roles.PARENT);
  }
}
