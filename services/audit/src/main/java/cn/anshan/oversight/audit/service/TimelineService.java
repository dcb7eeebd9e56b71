package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.domain.TimelineFilter;
import cn.anshan.oversight.audit.repository.EventRow;
import cn.anshan.oversight.audit.repository.TimelineRepository;
import cn.anshan.oversight.audit.repository.TimelineRepository.TimelinePosition;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Entity timelines and event search with the object scope of DESIGN §4: auditors read everything,
 * regulators the events of their district, institution operators and school admins the timeline of
 * their own institution or school, parents the timelines of their family's entities they acted on
 * themselves ({@link #FAMILY_AGGREGATES}). Anything else is a 404, so existence is not leaked.
 */
@ApplicationScoped
public class TimelineService {
  private static final String VERSION_SEPARATOR = ".";

  /**
   * What a family owns: a parent reads the timelines of these when they acted on them, never an
   * institution's, a school's or a proposal's, even if an event wrongly names them as its actor
   * (escrow recorded the parent whose refund tripped a risk indicator until issue 16).
   */
  static final List<String> FAMILY_AGGREGATES =
      List.of("Order", "Child", "Enrolment", "Exemption", "Complaint", "AdReport");

  private final TimelineRepository repository;
  private final AuditSettings settings;
  private final ObjectMapper mapper;

  public TimelineService(
      TimelineRepository repository, AuditSettings settings, ObjectMapper mapper) {
    this.repository = repository;
    this.settings = settings;
    this.mapper = mapper;
  }

  public Uni<EventPage> timeline(
      Actor actor, String entityId, TimelineFilter filter, String cursor, Integer limit) {
    Keyset.Position after = Keyset.after(cursor);
    int size = pageSize(limit);
    return mayRead(actor, entityId)
        .chain(
            scope ->
                repository
                    .timeline(entityId, scope.apply(filter), timelinePosition(after), size + 1)
                    .map(rows -> page(rows, size, true, reportedOn(actor))));
  }

  public Uni<EventPage> events(Actor actor, TimelineFilter filter, String cursor, Integer limit) {
    Keyset.Position after = Keyset.after(cursor);
    int size = pageSize(limit);
    TimelineFilter scoped =
        switch (actor.role()) {
          case Roles.AUDITOR -> filter;
          case Roles.REGULATOR -> inDistrict(filter, actor);
          case Roles.PARENT ->
              new TimelineFilter(
                  actor.subject(),
                  filter.type(),
                  filter.from(),
                  filter.to(),
                  filter.correlationId(),
                  filter.district());
          default -> throw ProblemException.forbidden("event search is for auditors");
        };
    return repository
        .events(scoped, after.instant(), uuid(after), size + 1)
        .map(rows -> page(rows, size, false, false));
  }

  /** What the actor may see of this entity's timeline: a filter restriction, or a 404. */
  Uni<java.util.function.UnaryOperator<TimelineFilter>> mayRead(Actor actor, String entityId) {
    java.util.function.UnaryOperator<TimelineFilter> all = f -> f;
    Uni<Boolean> allowed =
        switch (actor.role()) {
          case Roles.AUDITOR -> repository.entityKnown(entityId);
          case Roles.REGULATOR ->
              actor.district() == null
                  ? Uni.createFrom().item(false)
                  : repository.entityKnownIn(entityId, actor.district());
          case Roles.INSTITUTION_OPERATOR ->
              entityId.equals(actor.institutionId())
                  ? repository.entityKnown(entityId)
                  : Uni.createFrom().item(false);
          case Roles.SCHOOL_ADMIN ->
              entityId.equals(actor.schoolId())
                  ? repository.entityKnown(entityId)
                  : Uni.createFrom().item(false);
          case Roles.PARENT -> repository.actedOn(entityId, actor.subject(), FAMILY_AGGREGATES);
          default -> Uni.createFrom().item(false);
        };
    return allowed.map(
        ok -> {
          if (!ok) {
            throw ProblemException.notFound("timeline " + entityId);
          }
          return Roles.REGULATOR.equals(actor.role()) ? f -> inDistrict(f, actor) : all;
        });
  }

  /**
   * A regulator's as-of state or export must not carry another district's events, and cannot leave
   * them out without lying (a state folded from part of the history, a chain with holes): an entity
   * with any event outside the regulator's district answers 404 there; its timeline stays readable,
   * filtered to the district.
   */
  static void wholeEntityInDistrict(Actor actor, String eventDistrict, String entityId) {
    if (Roles.REGULATOR.equals(actor.role()) && !actor.district().equals(eventDistrict)) {
      throw ProblemException.notFound("entity " + entityId + " in district " + actor.district());
    }
  }

  static TimelineFilter inDistrict(TimelineFilter f, Actor actor) {
    String district =
        f.district() == null || f.district().equals(actor.district()) ? actor.district() : "";
    return new TimelineFilter(f.actor(), f.type(), f.from(), f.to(), f.correlationId(), district);
  }

  /** A timeline cursor also carries the aggregate version, its tie-break at equal times. */
  /**
   * Whether the reader is the party a report is about: an institution's operator or a school's
   * admin reads complaints and advertising reports on their timeline without who filed them.
   */
  static boolean reportedOn(Actor reader) {
    return Roles.INSTITUTION_OPERATOR.equals(reader.role())
        || Roles.SCHOOL_ADMIN.equals(reader.role());
  }

  private EventPage page(List<EventRow> rows, int size, boolean timeline, boolean maskReporters) {
    boolean more = rows.size() > size;
    List<EventRow> items = more ? rows.subList(0, size) : rows;
    String next = null;
    if (more) {
      EventRow last = items.get(items.size() - 1);
      String id =
          timeline
              ? last.aggregateVersion() + VERSION_SEPARATOR + last.eventId()
              : last.eventId().toString();
      next = Keyset.cursor(last.time(), id);
    }
    return new EventPage(
        items.stream()
            .map(r -> EventView.of(mapper, r))
            .map(v -> maskReporters ? v.withReporterMasked() : v)
            .toList(),
        next);
  }

  private int pageSize(Integer limit) {
    return Keyset.pageSize(
        limit, settings.timeline().defaultPageSize(), settings.timeline().maxPageSize());
  }

  private static UUID uuid(Keyset.Position after) {
    if (after.isStart()) {
      return null;
    }
    try {
      return UUID.fromString(after.id());
    } catch (IllegalArgumentException e) {
      throw foreignCursor();
    }
  }

  private static TimelinePosition timelinePosition(Keyset.Position after) {
    if (after.isStart()) {
      return null;
    }
    int split = after.id().indexOf(VERSION_SEPARATOR);
    if (split < 1) {
      throw foreignCursor();
    }
    try {
      return new TimelinePosition(
          after.instant(),
          Long.parseLong(after.id().substring(0, split)),
          UUID.fromString(after.id().substring(split + 1)));
    } catch (IllegalArgumentException e) {
      throw foreignCursor();
    }
  }

  private static ProblemException foreignCursor() {
    return new ProblemException(
        Problem.ofFields(List.of(new FieldError("/cursor", "not a cursor from this API"))));
  }
}
