package cn.anshan.oversight.fee.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * What fee-approval reads of enrolment's {@code ChildRegistered.v1}: whose child, at which school.
 */
record ChildRegistered(
    @JsonProperty(required = true) UUID childId,
    @JsonProperty(required = true) String schoolId,
    @JsonProperty(required = true) Instant registeredAt) {

  ChildRegistered {
    EventData.require("childId", childId);
    EventData.requireText("schoolId", schoolId);
    EventData.require("registeredAt", registeredAt);
  }
}
