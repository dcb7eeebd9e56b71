package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.kit.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The registry's {@code CourseFiled.v1}: a course the institution may sell at its filed price. */
record CourseFiled(
    @JsonProperty(required = true) UUID courseId,
    @JsonProperty(required = true) String institutionId,
    @JsonProperty(required = true) String district,
    @JsonProperty(required = true) Category category,
    @JsonProperty(required = true) String mode,
    int lessonMinutes,
    long pricePerLessonFen,
    int maxStudents,
    String name,
    String classSizeBand,
    @JsonProperty(required = true) Instant filedAt) {

  CourseFiled {
    EventData.require("courseId", courseId);
    EventData.requireText("institutionId", institutionId);
    EventData.requireText("district", district);
    EventData.require("category", category);
    EventData.requireText("mode", mode);
    EventData.require("filedAt", filedAt);
  }

  FiledCourse course() {
    return new FiledCourse(
        courseId,
        institutionId,
        district,
        category,
        mode,
        lessonMinutes,
        pricePerLessonFen,
        maxStudents,
        name,
        classSizeBand,
        filedAt);
  }
}
