package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.service.RiskQueries;
import cn.anshan.oversight.escrow.service.Views.RiskPage;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Risk warnings (§11 row 13) for the supervising regulators. */
@Cancellable(false)
@Path("/api/v1/escrow/risk-indicators")
@Tag(name = "Risk warnings", description = "Graded prepayment risk indicators")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {
  private final RiskQueries service;
  private final CurrentActor actor;

  public RiskResource(RiskQueries service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed({Roles.REGULATOR, Roles.AUDITOR, Roles.INSTITUTION_OPERATOR})
  @Operation(
      summary = "Tripped indicators, oldest first (keyset pagination)",
      description = "Regulators: their district; operators: their institution; auditors: all.")
  public Uni<RiskPage> listRiskIndicators(
      @Parameter(description = "only this institution") @QueryParam("institutionId")
          String institutionId,
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return service.list(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR),
        institutionId,
        cursor,
        limit);
  }
}
