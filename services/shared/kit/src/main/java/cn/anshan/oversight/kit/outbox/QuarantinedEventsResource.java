package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.outbox.QuarantinedEvents.QuarantinedEvent;
import cn.anshan.oversight.kit.outbox.QuarantinedEvents.ReleasedEvent;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** This service's quarantined outbox rows, for the platform operator (issue 15 item 4). */
@Cancellable(false)
@Path("/api/v1/operations/outbox/quarantined")
@Tag(
    name = "Operations",
    description = "Parked records and quarantined outbox rows of this service")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class QuarantinedEventsResource {
  private final QuarantinedEvents quarantined;
  private final CurrentActor actor;

  public QuarantinedEventsResource(QuarantinedEvents quarantined, CurrentActor actor) {
    this.quarantined = quarantined;
    this.actor = actor;
  }

  @GET
  @Operation(
      summary = "Outbox rows the broker refused for what they are, in sequence order",
      description =
          "A row is quarantined after oversight.outbox.relay.quarantine-after refusals that"
              + " sending again cannot cure (e.g. larger than the topic accepts); the rest of the"
              + " stream went on and audit shows its sequence as a gap. Without the payload.")
  public Uni<List<QuarantinedEvent>> listQuarantinedEvents(
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    actor.actingAs(Roles.PLATFORM_OPERATOR);
    return quarantined.list(limit);
  }

  @POST
  @Path("/{id}/release")
  @Operation(
      summary = "Return a quarantined row to the relay once its cause is fixed",
      description =
          "The relay sends it again (after its successors, which went on meanwhile; consumers"
              + " that keep the highest aggregate version ignore it, audit fills the gap) and"
              + " quarantines it again if the broker still refuses it. Releasing again answers the"
              + " first release and `sentAt` once the broker acknowledged it, so no"
              + " Idempotency-Key is needed.")
  @APIResponse(responseCode = "200", description = "Released (now or before)")
  @APIResponse(responseCode = "404", description = "No quarantined or released row with this id")
  public Uni<ReleasedEvent> releaseQuarantinedEvent(@PathParam("id") UUID id) {
    String operator = actor.actingAs(Roles.PLATFORM_OPERATOR).subject();
    return quarantined.release(id, operator);
  }
}
