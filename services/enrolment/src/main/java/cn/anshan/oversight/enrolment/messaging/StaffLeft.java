package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** What enrolment reads of the registry's {@code StaffLeft.v1}: who left which institution. */
record StaffLeft(
    @JsonProperty(required = true) String staffId,
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) Instant leftAt) {

  StaffLeft {
    EventData.requireText("staffId", staffId);
    EventData.requireText("institutionId", institutionId);
    EventData.require("leftAt", leftAt);
  }
}
