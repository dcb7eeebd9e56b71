package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * What enrolment reads of the registry's {@code CourseClassified.v1} (REG-03): REFUTED means the
 * course, filed as non-subject, is subject-type training, which no provider is brought in for.
 */
record CourseClassified(
    @JsonProperty(required = true) UUID courseId, @JsonProperty(required = true) String outcome) {

  CourseClassified {
    EventData.require("courseId", courseId);
    EventData.requireText("outcome", outcome);
  }

  boolean subjectType() {
    return outcome.equals("REFUTED");
  }
}
