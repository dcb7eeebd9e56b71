package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.repository.CourseRepository;
import cn.anshan.oversight.escrow.repository.SessionRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the read models escrow needs from registry events (DESIGN §1): institution entitlement (§11
 * row 3) and filed courses with their prices (row 6). Runs inside the Inbox transaction.
 */
@ApplicationScoped
public class EntitlementService {
  private final StandingRepository standings;
  private final CourseRepository courses;
  private final SessionRepository sessions;
  private final OversightClock clock;

  public EntitlementService(
      StandingRepository standings,
      CourseRepository courses,
      SessionRepository sessions,
      OversightClock clock) {
    this.standings = standings;
    this.courses = courses;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** What a standing event changed. */
  public record Change(
      String institutionId, boolean wasEntitled, boolean entitled, boolean lostStanding) {}

  /** InstitutionWhitelisted / Blacklisted / Delisted: the whole standing. */
  public Uni<Change> listed(IncomingEvent event) {
    JsonNode d = event.data();
    String institutionId = text(d, "institutionId");
    return standingOf(institutionId)
        .chain(
            standing -> {
              boolean was = standing.entitled();
              boolean applied =
                  standing.listed(
                      event.aggregateVersion(),
                      text(d, "district"),
                      d.path("category").asText(null),
                      text(d, "listStatus"),
                      d.path("operational").asBoolean(false),
                      clock.now());
              standing.licensed(
                  event.aggregateVersion(),
                  d.path("name").asText(null),
                  d.path("mode").asText(null),
                  d.path("licenceNo").asText(null),
                  date(d, "licenceValidTo"));
              boolean lost = applied && "BLACK".equals(standing.listStatus());
              if (lost) {
                standing.lostStanding(event.id(), event.correlationId());
              }
              return standings
                  .persist(standing)
                  .map(s -> new Change(institutionId, was, s.entitled(), lost));
            });
  }

  /** SessionScheduled: a session of a course, the evidence a lesson is later consumed against. */
  public Uni<Void> sessionScheduled(IncomingEvent event) {
    return sessionOf(event).replaceWithVoid();
  }

  /**
   * SessionHeld (REL-04): the institution reported the session held, with who attended (the session
   * is created from this event when its SessionScheduled never reached escrow).
   */
  public Uni<Void> sessionHeld(IncomingEvent event) {
    JsonNode d = event.data();
    List<UUID> attending = new ArrayList<>();
    try {
      d.path("attendingChildIds").forEach(n -> attending.add(UUID.fromString(n.asText())));
      Instant heldAt = Instant.parse(text(d, "heldAt"));
      return sessionOf(event)
          .invoke(session -> session.held(heldAt))
          .call(session -> sessions.attended(session.sessionId(), attending))
          .replaceWithVoid();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new PoisonEventException("SessionHeld: " + e.getMessage());
    }
  }

  private Uni<HeldSession> sessionOf(IncomingEvent event) {
    JsonNode d = event.data();
    UUID sessionId;
    HeldSession fromEvent;
    try {
      sessionId = UUID.fromString(text(d, "sessionId"));
      fromEvent =
          new HeldSession(
              sessionId,
              UUID.fromString(text(d, "courseId")),
              text(d, "institutionId"),
              Instant.parse(text(d, "startsAt")),
              Instant.parse(text(d, "endsAt")),
              LocalDateTime.parse(text(d, "localStart")),
              LocalDateTime.parse(text(d, "localEnd")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new PoisonEventException("session event: " + e.getMessage());
    }
    return sessions
        .findById(sessionId)
        .chain(known -> known != null ? Uni.createFrom().item(known) : sessions.persist(fromEvent));
  }

  /** RegistrationFiled: the legal registration a contract names (CON-02) and REG-06 checks. */
  public Uni<Void> registrationFiled(IncomingEvent event) {
    JsonNode d = event.data();
    return standingOf(text(d, "institutionId"))
        .chain(
            standing -> {
              standing.registered(
                  event.aggregateVersion(),
                  text(d, "registrationType"),
                  text(d, "creditCode"),
                  date(d, "validTo"));
              return standings.persist(standing);
            })
        .replaceWithVoid();
  }

  /** LicenceRevoked: the institution may no longer collect; its families get their money back. */
  public Uni<Change> revoked(IncomingEvent event) {
    JsonNode d = event.data();
    String institutionId = text(d, "institutionId");
    return standingOf(institutionId)
        .chain(
            standing -> {
              boolean was = standing.entitled();
              boolean applied =
                  standing.revoked(event.aggregateVersion(), text(d, "district"), clock.now());
              if (applied) {
                standing.lostStanding(event.id(), event.correlationId());
              }
              return standings
                  .persist(standing)
                  .map(s -> new Change(institutionId, was, s.entitled(), applied));
            });
  }

  /** CourseFiled: a course the institution may sell, at its filed price. */
  public Uni<Void> courseFiled(IncomingEvent event) {
    JsonNode d = event.data();
    UUID courseId;
    try {
      courseId = UUID.fromString(text(d, "courseId"));
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("courseId is not a UUID");
    }
    return courses
        .findById(courseId)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().voidItem();
              }
              FiledCourse course =
                  new FiledCourse(
                      courseId,
                      text(d, "institutionId"),
                      text(d, "district"),
                      Category.valueOf(text(d, "category")),
                      text(d, "mode"),
                      d.path("lessonMinutes").asInt(),
                      d.path("pricePerLessonFen").asLong(),
                      d.path("maxStudents").asInt(),
                      d.path("name").asText(null),
                      d.path("classSizeBand").asText(null),
                      Instant.parse(text(d, "filedAt")));
              return courses.persist(course).replaceWithVoid();
            });
  }

  /**
   * PRC-07 (issue 17 item 4): the registry's PriceViolationDetected stops sales of the course; a
   * course escrow never heard of is nothing to stop.
   */
  public Uni<Void> priceViolation(IncomingEvent event) {
    JsonNode d = event.data();
    UUID courseId;
    try {
      courseId = UUID.fromString(text(d, "courseId"));
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("courseId is not a UUID");
    }
    String rule = text(d, "ruleId");
    String detail = d.path("detail").asText("");
    return courses
        .findById(courseId)
        .invoke(
            course -> {
              if (course != null) {
                course.salesStopped(rule, detail, clock.now());
              }
            })
        .replaceWithVoid();
  }

  /** PRC-07: PriceViolationCleared resumes sales of the course. */
  public Uni<Void> priceViolationCleared(IncomingEvent event) {
    UUID courseId;
    try {
      courseId = UUID.fromString(text(event.data(), "courseId"));
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("courseId is not a UUID");
    }
    return courses
        .findById(courseId)
        .invoke(
            course -> {
              if (course != null) {
                course.salesResumed();
              }
            })
        .replaceWithVoid();
  }

  private Uni<InstitutionStanding> standingOf(String institutionId) {
    return standings
        .findById(institutionId)
        .map(s -> s == null ? new InstitutionStanding(institutionId) : s);
  }

  private static LocalDate date(JsonNode data, String field) {
    String value = data.path(field).asText(null);
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException("data." + field + " is not a date");
    }
  }

  private static String text(JsonNode data, String field) {
    JsonNode node = data.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new PoisonEventException("missing data." + field);
    }
    return node.asText();
  }
}
