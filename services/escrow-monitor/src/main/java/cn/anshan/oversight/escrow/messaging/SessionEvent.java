package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The registry's {@code SessionScheduled.v1} and {@code SessionHeld.v1}: a session of a course, the
 * evidence a lesson is consumed against (REL-04); once held, who attended and when it was reported.
 */
record SessionEvent(
    @JsonProperty(required = true) UUID sessionId,
    @JsonProperty(required = true) UUID courseId,
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) Instant startsAt,
    @JsonProperty(required = true) Instant endsAt,
    @JsonProperty(required = true) LocalDateTime localStart,
    @JsonProperty(required = true) LocalDateTime localEnd,
    List<UUID> attendingChildIds,
    Instant heldAt) {

  SessionEvent {
    EventData.require("sessionId", sessionId);
    EventData.require("courseId", courseId);
    EventData.requireText("institutionId", institutionId);
    EventData.require("startsAt", startsAt);
    EventData.require("endsAt", endsAt);
    EventData.require("localStart", localStart);
    EventData.require("localEnd", localEnd);
    attendingChildIds = attendingChildIds == null ? List.of() : List.copyOf(attendingChildIds);
  }

  HeldSession session() {
    return new HeldSession(
        sessionId, courseId, institutionId, startsAt, endsAt, localStart, localEnd);
  }

  /** SessionHeld names when it was held; a SessionHeld without it cannot be applied. */
  Instant requireHeldAt() {
    EventData.require("heldAt", heldAt);
    return heldAt;
  }
}
