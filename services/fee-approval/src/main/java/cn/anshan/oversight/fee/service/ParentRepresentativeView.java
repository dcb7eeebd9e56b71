package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.ParentRepresentative;
import cn.anshan.oversight.fee.domain.SeatingBasis;
import java.time.Instant;

/**
 * A seated parent-committee representative of a school; {@code registeredBy} is the parent whose
 * endorsement carried the candidacy (or, for {@code SCHOOL_ADMIN} seats from before the committee
 * chose, the admin).
 */
public record ParentRepresentativeView(
    String schoolId,
    String subject,
    SeatingBasis seatedBy,
    String registeredBy,
    Instant registeredAt) {

  public static ParentRepresentativeView of(ParentRepresentative r) {
    return new ParentRepresentativeView(
        r.schoolId(), r.subject(), r.seatedBy(), r.registeredBy(), r.registeredAt());
  }
}
