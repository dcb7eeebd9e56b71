package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.provider.FiledCourse;
import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * What enrolment reads of the registry's {@code CourseFiled.v1}: a course and its filed price, the
 * ceiling of what a provider may charge a school per lesson (ASV-06).
 */
record CourseFiled(
    @JsonProperty(required = true) UUID courseId,
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) Long pricePerLessonFen,
    String name,
    @JsonProperty(required = true) Instant filedAt) {

  CourseFiled {
    EventData.require("courseId", courseId);
    EventData.requireText("institutionId", institutionId);
    EventData.require("pricePerLessonFen", pricePerLessonFen);
    if (pricePerLessonFen < 0) {
      throw new IllegalArgumentException("pricePerLessonFen is negative");
    }
    EventData.require("filedAt", filedAt);
  }

  FiledCourse course() {
    return new FiledCourse(courseId, institutionId, pricePerLessonFen, name, filedAt);
  }
}
