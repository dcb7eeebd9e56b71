package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a parent asks to buy and sign (§11 rows 8 and 10, CON-01…09), before the rules check it. */
public record OrderForm(
    UUID courseId,
    UUID childId,
    int classHours,
    LocalDate periodStart,
    LocalDate periodEnd,
    String contractTemplate,
    int coolingOffDaysBefore,
    int coolingOffHoursAfter,
    SupervisionMode supervisionMode,
    PaymentPlan paymentPlan,
    int instalments,
    PaymentMethod paymentMethod) {

  /** A period that ends before it starts is a malformed request (400), before anything is read. */
  public void requireOrderedPeriod() {
    if (periodEnd.isBefore(periodStart)) {
      throw new ProblemException(
          Problem.ofFields(
              List.of(new FieldError("/periodEnd", "must not be before periodStart"))));
    }
  }
}
