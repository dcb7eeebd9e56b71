package cn.anshan.oversight.fee.service;

import java.time.Instant;
import java.util.List;

/** A school's parent committee: who sits on it and the motions still open. */
public record ParentCommitteeView(
    String schoolId,
    String district,
    Instant convenedAt,
    List<ParentRepresentativeView> representatives,
    List<MotionView> motions) {}
