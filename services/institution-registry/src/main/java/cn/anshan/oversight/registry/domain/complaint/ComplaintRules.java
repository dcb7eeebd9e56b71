package cn.anshan.oversight.registry.domain.complaint;

import cn.anshan.oversight.kit.time.AnswerPeriod;
import java.time.LocalDate;
import java.util.Optional;

/** Routing and the answer SLA of complaints (PLT-03, PLT-04, §11 row 14). Plain Java. */
public final class ComplaintRules {
  private ComplaintRules() {}

  /**
   * PLT-03 / §11 row 14: advertising complaints go to the market regulator, which enforces the
   * advertising law; every other category stays with the education bureau (empty).
   */
  public static Optional<Agency> routeFor(ComplaintCategory category) {
    return category == ComplaintCategory.AD
        ? Optional.of(Agency.MARKET_REGULATOR)
        : Optional.empty();
  }

  /**
   * PLT-04: the last day the institution may answer, the configured working days ({@code period})
   * after the business date of filing (the filing day itself is not counted, as for REL-05).
   */
  public static LocalDate answerDueBy(AnswerPeriod period, LocalDate filedOn) {
    return period.lastDayFrom(filedOn);
  }

  /** PLT-04: still unanswered after its last day. Answering on the due date is in time. */
  public static boolean answerOverdue(
      ComplaintStatus status, LocalDate answerDueBy, LocalDate today) {
    return status == ComplaintStatus.FILED && today.isAfter(answerDueBy);
  }
}
