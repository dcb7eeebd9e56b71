package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.inbox.ParkedEvents.ParkedEvent;
import cn.anshan.oversight.kit.inbox.ParkedEvents.ParkedEventReplay;
import cn.anshan.oversight.kit.inbox.ParkedEvents.ParkedSummary;
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

/**
 * What this service's consumers parked, for the platform operator: per consumer how many, since
 * when and why, and a replay (issue 15 item 1). Payloads are never shown: they may name children.
 */
@Cancellable(false)
@Path("/api/v1/operations/parked-events")
@Tag(
    name = "Operations",
    description = "Parked records and quarantined outbox rows of this service")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class ParkedEventsResource {
  private final ParkedEvents parked;
  private final CurrentActor actor;

  public ParkedEventsResource(ParkedEvents parked, CurrentActor actor) {
    this.parked = parked;
    this.actor = actor;
  }

  /** The consumers' open parked records, oldest first, and a summary per consumer. */
  public record ParkedEventsOverview(List<ParkedSummary> consumers, List<ParkedEvent> items) {}

  @GET
  @Operation(
      summary = "Parked records per consumer: count, oldest, latest reason, and the open items",
      description =
          "Open items only (not yet replayed), oldest first, without their payload. A record is"
              + " parked when it is not an event of the consumer's source (at once) or its effect"
              + " kept failing for oversight.inbox.retry.give-up-after.")
  public Uni<ParkedEventsOverview> listParkedEvents(
      @QueryParam("consumer") String consumer,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    actor.actingAs(Roles.PLATFORM_OPERATOR);
    return parked
        .summary()
        .chain(
            summary ->
                parked
                    .open(consumer, limit)
                    .map(items -> new ParkedEventsOverview(summary, items)));
  }

  @POST
  @Path("/{id}/replay")
  @Operation(
      summary = "Apply a parked record again through its consumer's inbox",
      description =
          "Applies the event at most once: if the consumer applied it meanwhile the outcome is"
              + " ALREADY_APPLIED. Asking again answers the first replay's result, so no"
              + " Idempotency-Key is needed. A record that is still not an event of its source,"
              + " or whose effect fails again, stays parked: 409 naming the reason.")
  @APIResponse(responseCode = "200", description = "Replayed (now or before)")
  @APIResponse(responseCode = "404", description = "No such parked record in this service")
  @APIResponse(responseCode = "409", description = "Still poison, or the effect failed again")
  public Uni<ParkedEventReplay> replayParkedEvent(@PathParam("id") UUID id) {
    String operator = actor.actingAs(Roles.PLATFORM_OPERATOR).subject();
    return parked.replay(id, operator);
  }
}
