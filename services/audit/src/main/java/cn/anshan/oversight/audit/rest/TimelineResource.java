package cn.anshan.oversight.audit.rest;

import cn.anshan.oversight.audit.domain.TimelineFilter;
import cn.anshan.oversight.audit.service.AsOfService;
import cn.anshan.oversight.audit.service.EventPage;
import cn.anshan.oversight.audit.service.TimelineService;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Entity timelines and event search (issue 7 capability 2, PLT-11). */
@Cancellable(false)
@Path("/api/v1/audit")
@Tag(name = "Timelines", description = "Compliance timelines built from the event stream")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({
  Roles.AUDITOR,
  Roles.REGULATOR,
  Roles.INSTITUTION_OPERATOR,
  Roles.SCHOOL_ADMIN,
  Roles.PARENT
})
public class TimelineResource {
  private final TimelineService service;
  private final AsOfService asOf;
  private final CurrentActor actor;

  public TimelineResource(TimelineService service, AsOfService asOf, CurrentActor actor) {
    this.service = service;
    this.asOf = asOf;
    this.actor = actor;
  }

  @GET
  @Path("/timelines/{entityId}")
  @Operation(
      summary = "An entity's timeline: its own events and every event that references it",
      description =
          "Ordered by business time, then event id (keyset pagination). An institution's timeline"
              + " includes e.g. escrow orders and enrolment provider events whose data names it."
              + " Auditors: any entity; regulators: events of their district; institution"
              + " operators and school admins: their own institution or school; parents: entities"
              + " they acted on.")
  @APIResponse(responseCode = "200", description = "One page")
  @APIResponse(responseCode = "404", description = "No such entity visible to the caller")
  public Uni<EventPage> getTimeline(
      @PathParam("entityId") String entityId,
      @QueryParam("actor") String actorFilter,
      @Parameter(description = "full CloudEvents type") @QueryParam("type") String type,
      @Parameter(description = "business time from (inclusive), ISO-8601") @QueryParam("from")
          String from,
      @Parameter(description = "business time to (exclusive), ISO-8601") @QueryParam("to")
          String to,
      @QueryParam("correlationId") String correlationId,
      @QueryParam("district") String district,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return service.timeline(
        actor.actingAs(
            Roles.AUDITOR,
            Roles.REGULATOR,
            Roles.INSTITUTION_OPERATOR,
            Roles.SCHOOL_ADMIN,
            Roles.PARENT),
        entityId,
        filter(actorFilter, type, from, to, correlationId, district),
        cursor,
        limit);
  }

  @GET
  @Path("/events")
  @RolesAllowed({Roles.AUDITOR, Roles.REGULATOR, Roles.PARENT})
  @Operation(
      summary = "Search all events by actor, type, time range, correlation id or district",
      description =
          "Ordered by business time, then event id (keyset pagination). Regulators see their"
              + " district, parents their own acts.")
  public Uni<EventPage> listEvents(
      @QueryParam("actor") String actorFilter,
      @QueryParam("type") String type,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("correlationId") String correlationId,
      @QueryParam("district") String district,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return service.events(
        actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.PARENT),
        filter(actorFilter, type, from, to, correlationId, district),
        cursor,
        limit);
  }

  @GET
  @Path("/entities/{entityId}/state")
  @Operation(
      summary = "The state of an entity as of a version or an instant",
      description =
          "Exactly one of version, time (business time of the events) or recordedAt (when audit"
              + " stored them). The state is the fold of the entity's own events the cutoff admits,"
              + " in aggregate version order: data fields of later events overwrite earlier ones.")
  @APIResponse(
      responseCode = "200",
      description = "The folded state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AsOfService.StateView.class)))
  @APIResponse(responseCode = "404", description = "No such entity visible to the caller")
  public Uni<AsOfService.StateView> getEntityState(
      @PathParam("entityId") String entityId,
      @QueryParam("version") Long version,
      @QueryParam("time") String time,
      @QueryParam("recordedAt") String recordedAt) {
    return asOf.state(
        actor.actingAs(
            Roles.AUDITOR,
            Roles.REGULATOR,
            Roles.INSTITUTION_OPERATOR,
            Roles.SCHOOL_ADMIN,
            Roles.PARENT),
        entityId,
        version,
        instant("/time", time),
        instant("/recordedAt", recordedAt));
  }

  static TimelineFilter filter(
      String actor, String type, String from, String to, String correlationId, String district) {
    return new TimelineFilter(
        blank(actor),
        blank(type),
        instant("/from", from),
        instant("/to", to),
        blank(correlationId),
        blank(district));
  }

  static Instant instant(String pointer, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError(pointer, "not an ISO-8601 instant"))));
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
