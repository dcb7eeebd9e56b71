package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.ParentRepresentative;
import java.time.Instant;

/** A registered parent-committee representative of a school. */
public record ParentRepresentativeView(
    String schoolId, String subject, String registeredBy, Instant registeredAt) {

  public static ParentRepresentativeView of(ParentRepresentative r) {
    return new ParentRepresentativeView(
        r.schoolId(), r.subject(), r.registeredBy(), r.registeredAt());
  }
}
