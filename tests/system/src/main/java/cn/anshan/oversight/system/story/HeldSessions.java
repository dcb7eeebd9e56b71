package cn.anshan.oversight.system.story;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Api;
import cn.anshan.oversight.system.StoryFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * REL-04 evidence as an institution gives it: a session of the course scheduled at the registry and
 * reported held with the attending child (enrolment's reference), then the lesson asked for at
 * escrow-monitor once SessionHeld reached it.
 */
public final class HeldSessions {
  private HeldSessions() {}

  /** Schedules a session of {@code courseId} on {@code day} and reports it held; its id. */
  public static String report(
      Api api,
      String registry,
      String operator,
      String courseId,
      String childId,
      LocalDate day,
      String from,
      String to) {
    String course = registry + "/api/v1/courses/" + courseId;
    Answer current = api.as(operator).get(course).quietly().send().expect(200);
    String session =
        api.as(operator)
            .post(
                course + "/sessions",
                "{\"startsAt\":\"%sT%s\",\"endsAt\":\"%sT%s\"}".formatted(day, from, day, to))
            .ifMatch(current.etag())
            .showing("sessionId", "startsAt")
            .send()
            .expect(201)
            .text("sessionId");
    api.as(operator)
        .post(
            course + "/sessions/" + session + "/held",
            Map.of("attendingChildIds", List.of(childId)))
        .showing("heldAt", "attendingChildIds")
        .send()
        .expect(200);
    return session;
  }

  /**
   * Asks for the lesson of a held session, polling up to 30 s while escrow-monitor does not know
   * the session held yet (422 REL-04, nothing stored); fails unless it ends in 201.
   */
  public static Answer requestLesson(
      Api api, String escrow, String operator, String orderId, String sessionId) {
    String url = escrow + "/api/v1/escrow/orders/" + orderId + "/consumptions";
    Instant end = Instant.now().plusSeconds(30);
    Answer a = api.as(operator).post(url, Map.of("sessionId", sessionId)).quietly().send();
    while (a.status() == 422 && Instant.now().isBefore(end)) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoryFailure("interrupted while waiting for SessionHeld");
      }
      a = api.as(operator).post(url, Map.of("sessionId", sessionId)).quietly().send();
    }
    api.narrator()
        .call(
            operator,
            "POST",
            url,
            a.status(),
            "lessonNo="
                + a.text("lessonNo")
                + " session="
                + a.text("/session/startsAt")
                + " autoConfirmOn="
                + a.text("autoConfirmOn")
                + (a.is2xx() ? "" : " " + a.text("detail")));
    return a.expect(201);
  }
}
