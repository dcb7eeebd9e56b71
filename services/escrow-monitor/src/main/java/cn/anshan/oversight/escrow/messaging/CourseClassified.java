package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * The registry's {@code CourseClassified.v1} (REG-03, issue 18 item 3): REFUTED means the course,
 * filed as non-subject, is subject-type training and must not be sold; VERIFIED means it may.
 */
record CourseClassified(
    @JsonProperty(required = true) UUID courseId,
    @JsonProperty(required = true) String outcome,
    List<Breach> breaches) {

  record Breach(String rule, String detail) {}

  CourseClassified {
    EventData.require("courseId", courseId);
    EventData.requireText("outcome", outcome);
    breaches = breaches == null ? List.of() : breaches;
  }

  boolean subjectType() {
    return outcome.equals("REFUTED");
  }

  /** What the bureau found, as the sentences of its breaches. */
  String finding() {
    return String.join("; ", breaches.stream().map(Breach::detail).toList());
  }
}
