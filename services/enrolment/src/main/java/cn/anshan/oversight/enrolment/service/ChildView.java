package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.family.Child;
import java.time.Instant;
import java.util.UUID;

/** A registered child: ids, school and grade only. */
public record ChildView(
    UUID childId, long version, String schoolId, int grade, Instant registeredAt) {
  public static ChildView of(Child c) {
    return new ChildView(c.id(), c.version(), c.schoolId(), c.grade(), c.registeredAt());
  }
}
