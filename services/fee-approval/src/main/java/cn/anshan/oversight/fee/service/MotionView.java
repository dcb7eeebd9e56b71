package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.CommitteeChoice.Tally;
import cn.anshan.oversight.fee.domain.CommitteeMotion;
import cn.anshan.oversight.fee.domain.MotionKind;
import cn.anshan.oversight.fee.domain.SeatingBasis;
import java.time.Instant;

/**
 * A motion of the parent committee and where it stands: {@code endorsements} of {@code needed}
 * counted as the rule stands now; {@code carried} once enough endorsed (the candidate sits, or the
 * representative left).
 */
public record MotionView(
    String schoolId,
    String subject,
    MotionKind motion,
    Instant openedAt,
    int endorsements,
    int needed,
    SeatingBasis basis,
    boolean carried) {

  static MotionView of(CommitteeMotion m, Tally tally) {
    return new MotionView(
        m.schoolId(),
        m.subject(),
        m.kind(),
        m.openedAt(),
        tally.endorsements(),
        tally.needed(),
        tally.basis(),
        tally.carried());
  }
}
