package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What enrolment reads of fee-approval's {@code ParentRepresentativeRegistered.v1}: who sits on
 * which school's parent committee since when (LN-ASV-01).
 */
record RepresentativeSeat(
    @JsonProperty(required = true) String schoolId,
    @JsonProperty(required = true) String representative,
    @JsonProperty(required = true) Instant registeredAt) {

  RepresentativeSeat {
    EventData.requireText("schoolId", schoolId);
    EventData.requireText("representative", representative);
    EventData.require("registeredAt", registeredAt);
  }
}
