package cn.anshan.oversight.audit.rest;

import cn.anshan.oversight.audit.service.FindingService;
import cn.anshan.oversight.audit.service.FindingService.FindingPage;
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

/** Compliance findings and completeness gaps (issue 7 capabilities 4 and 6). */
@Cancellable(false)
@Path("/api/v1/audit/findings")
@Tag(name = "Findings", description = "Gaps and cross-stream compliance breaches")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {
  private final FindingService service;
  private final CurrentActor actor;

  public FindingResource(FindingService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.REGULATOR})
  @Operation(
      summary = "Findings by rule, kind or entity, oldest first (keyset pagination)",
      description =
          "Each names the DOMAIN rule (PLT-11 gaps; LST-01, REL-01, LN-ASV-06, ASV-06, TIM-01)"
              + " and the events that prove it. Auditors see all, regulators their district.")
  public Uni<FindingPage> listFindings(
      @Parameter(description = "DOMAIN rule id, e.g. LST-01") @QueryParam("ruleId") String ruleId,
      @Parameter(description = "e.g. SEQUENCE_GAP, PREPAYMENT_NOT_WHITELISTED") @QueryParam("kind")
          String kind,
      @QueryParam("entityId") String entityId,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return service.list(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR),
        blank(ruleId),
        blank(kind),
        blank(entityId),
        cursor,
        limit);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
