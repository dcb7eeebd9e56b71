package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.contract.ContractRules;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A parent places an order and signs the model contract, filled in from what the registry filed
 * (PLT-06). Every prepayment cap (LN-PRE-04, PRE-20…24, CON-09) and contract rule (CON-02, CON-05,
 * REG-06, PRE-06) is checked at once; a breach refuses them all and creates nothing.
 */
public final class OrderPlacement {
  private OrderPlacement() {}

  /**
   * The order {@code familyId} places for {@code request} against the checked {@code sale}, with
   * its OrderPlaced and ContractSigned events.
   */
  public static Decision<Order> place(
      String familyId,
      OrderForm request,
      Sale sale,
      Holdings held,
      OrderLimits limits,
      Instant now,
      LocalDate today,
      ZoneId zone) {
    List<RuleViolation> violations = violations(request, sale, held, limits, today);
    ProblemException.requireNone(violations);
    FiledCourse course = sale.course();
    SignedContract contract =
        new SignedContract(
            sale.standing().particulars(),
            course.category(),
            course.mode(),
            course.name(),
            course.lessonMinutes(),
            course.classSizeBand(),
            request.paymentPlan(),
            request.instalments(),
            request.paymentMethod(),
            request.contractTemplate(),
            request.coolingOffDaysBefore(),
            request.coolingOffHoursAfter());
    Order order =
        new Order(
            course.institutionId(),
            course.district(),
            course.courseId(),
            course.category(),
            familyId,
            request.childId(),
            request.classHours(),
            course.pricePerLessonFen(),
            request.periodStart(),
            request.periodEnd(),
            sale.supervision().mode(),
            contract,
            now);
    return Decision.of(
        order,
        OrderEvents.orderPlaced(order, order.coolingOff(zone)),
        OrderEvents.contractSigned(order));
  }

  private static List<RuleViolation> violations(
      OrderForm request, Sale sale, Holdings held, OrderLimits limits, LocalDate today) {
    FiledCourse course = sale.course();
    OrderTerms terms =
        new OrderTerms(
            course.category(),
            request.classHours(),
            course.pricePerLessonFen() * request.classHours(),
            request.periodStart(),
            request.periodEnd(),
            today,
            request.contractTemplate());
    PrepaymentCaps caps = limits.caps();
    List<RuleViolation> violations = new ArrayList<>(PrepaymentRules.check(terms, caps));
    violations.addAll(
        ContractRules.check(
            sale.standing().particulars(),
            new ContractRules.Draft(
                course.category(),
                course.mode(),
                request.classHours(),
                request.paymentPlan(),
                request.instalments(),
                request.paymentMethod(),
                today),
            limits.maxInstalments()));
    PrepaymentRules.checkEarliestCollection(
            terms, PrepaymentRules.hoursLeft(held.paidOfCourse()), caps)
        .ifPresent(violations::add);
    violations.addAll(
        PrepaymentRules.checkSplit(terms, held.splitWindow(), limits.splitWindowDays(), caps));
    return violations;
  }
}
