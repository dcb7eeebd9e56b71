package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** Enrolment's {@code ChildRegistered.v1}: a child a guardian linked (PLT-08), by reference. */
record ChildRegistered(
    @JsonProperty(required = true) UUID childId,
    String schoolId,
    int grade,
    @JsonProperty(required = true) Instant registeredAt) {

  ChildRegistered {
    EventData.require("childId", childId);
    EventData.require("registeredAt", registeredAt);
  }
}
