package cn.anshan.oversight.registry.rest.pricing;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.pricing.PriceScheduleView;
import cn.anshan.oversight.registry.service.pricing.PricingService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@Path("/api/v1/price-schedules/{locality}")
@Tag(name = "Guided prices", description = "Government-guided benchmark prices (政府指导价)")
@Produces(MediaType.APPLICATION_JSON)
public class PriceScheduleResource {
  private final PricingService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public PriceScheduleResource(
      PricingService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  @POST
  @Path("/adoption")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PRICING_OFFICER)
  @Operation(
      summary = "Adopt the locality's benchmark prices (replaces the whole set)",
      description =
          "PRC-04 bands, PRC-05 standard class hours. Replacing an adopted schedule requires"
              + " If-Match. Filed subject-type courses above their new ceiling are reported as"
              + " PriceViolationDetected events (PRC-03).")
  @APIResponse(
      responseCode = "201",
      description = "First adoption; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceScheduleView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced; new ETag",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceScheduleView.class)))
  @APIResponse(responseCode = "404", description = "Not the configured locality")
  @APIResponse(
      responseCode = "422",
      description =
          "PRC-04: a band that is not configured, or two benchmarks for one mode and band;"
              + " nothing was stored")
  public Uni<Response> adoptPriceSchedule(
      @PathParam("locality") String locality,
      @BeanParam IfMatch ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull AdoptionRequest request) {
    CommandContext command = actor.command(Roles.PRICING_OFFICER);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            service
                .adopt(command, locality, ifMatch, request.toBenchmarks())
                .map(
                    adoption ->
                        adoption.first()
                            ? CommandResult.created(
                                URI.create("/api/v1/price-schedules/" + locality),
                                adoption.schedule().version(),
                                adoption.schedule())
                            : CommandResult.ok(
                                adoption.schedule().version(), adoption.schedule())));
  }

  @GET
  @RolesAllowed({
    Roles.PARENT,
    Roles.PRICING_OFFICER,
    Roles.REGULATOR,
    Roles.INSTITUTION_OPERATOR,
    Roles.AUDITOR,
    Roles.CITY_GOVERNMENT
  })
  @Operation(summary = "The adopted benchmark prices and ceilings, public (PRC-07)")
  @APIResponse(
      responseCode = "200",
      description = "The schedule; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PriceScheduleView.class)))
  @APIResponse(responseCode = "404", description = "Nothing adopted for this locality")
  public Uni<Response> getPriceSchedule(@PathParam("locality") String locality) {
    return service
        .get(locality)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }
}
