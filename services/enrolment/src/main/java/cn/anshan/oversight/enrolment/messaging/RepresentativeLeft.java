package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What enrolment reads of fee-approval's {@code ParentRepresentativeRemoved.v1}: who no longer sits
 * on which school's parent committee (LN-ASV-01).
 */
record RepresentativeLeft(
    @JsonProperty(required = true) String schoolId,
    @JsonProperty(required = true) String representative) {

  RepresentativeLeft {
    EventData.requireText("schoolId", schoolId);
    EventData.requireText("representative", representative);
  }
}
