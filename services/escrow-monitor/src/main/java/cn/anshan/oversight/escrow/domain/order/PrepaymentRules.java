package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The caps and timing of prepayment intake (LN-PRE-04, PRE-20…24, CON-09). Plain Java. */
public final class PrepaymentRules {
  public static final String HOURS_AND_MONTHS = "LN-PRE-04";
  public static final String AMOUNT_NON_SUBJECT = "PRE-20";
  public static final String AMOUNT_SUBJECT = "PRE-21";
  public static final String EARLIEST_COLLECTION = "PRE-23";
  public static final String NO_CROSS_TERM = "PRE-24";
  public static final String CONTRACT_VERSION = "CON-09";

  /** LN-PRE-05: nothing outside the displayed (filed) items and prices may be charged. */
  public static final String FILED_PRICE_RULE = "LN-PRE-05";

  private PrepaymentRules() {}

  /** Every cap the order alone breaks; empty when it may be placed. */
  public static List<RuleViolation> check(OrderTerms terms, PrepaymentCaps caps) {
    List<RuleViolation> violations = new ArrayList<>();
    checkHoursAndMonths(terms, caps, violations);
    overAmountCap(terms, caps).ifPresent(violations::add);
    crossesTerm(terms, caps).ifPresent(violations::add);
    if (!caps.contractTemplate().equals(terms.contractTemplate())) {
      violations.add(
          new RuleViolation(
              CONTRACT_VERSION,
              "the contract must use the model text "
                  + caps.contractTemplate()
                  + ", not "
                  + terms.contractTemplate()));
    }
    return violations;
  }

  private static void checkHoursAndMonths(
      OrderTerms terms, PrepaymentCaps caps, List<RuleViolation> violations) {
    // LN-PRE-04 / PRE-22: at most 60 class hours and at most 3 months; the shorter wins because
    // both must hold.
    if (terms.classHours() > caps.maxClassHours()) {
      violations.add(
          new RuleViolation(
              HOURS_AND_MONTHS,
              terms.classHours()
                  + " class hours exceed the cap of "
                  + caps.maxClassHours()
                  + " per lump sum"));
    }
    // LN-PRE-04: a period of exactly maxMonths ends the day before the same date maxMonths later.
    if (!terms.periodEnd().isBefore(terms.periodStart().plusMonths(caps.maxMonths()))) {
      violations.add(
          new RuleViolation(
              HOURS_AND_MONTHS,
              "the period "
                  + terms.periodStart()
                  + ".."
                  + terms.periodEnd()
                  + " covers more than "
                  + caps.maxMonths()
                  + " months"));
    }
  }

  private static Optional<RuleViolation> overAmountCap(OrderTerms terms, PrepaymentCaps caps) {
    long amountCap = amountCap(terms.category(), caps);
    if (amountCap < 0 || terms.amountFen() <= amountCap) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleViolation(
            amountRule(terms.category()),
            "the amount of "
                + terms.amountFen()
                + " fen exceeds the cap of "
                + amountCap
                + " fen"));
  }

  /** LN-PRE-05: a payment is exactly the order's next instalment at the filed price. */
  public static void requireNextInstalment(Order.Instalment next, long amountFen) {
    if (amountFen != next.amountFen()) {
      throw ProblemException.rule(
          FILED_PRICE_RULE,
          "the payment of "
              + amountFen
              + " fen differs from "
              + (next.of() == 1
                  ? "the order's " + next.amountFen() + " fen"
                  : "instalment "
                      + next.number()
                      + " of "
                      + next.of()
                      + ": "
                      + next.amountFen()
                      + " fen for "
                      + next.lessons()
                      + " lessons")
              + " at the filed price");
    }
  }

  /**
   * PRE-24: the period may not contain a term start after its first day. Whether it does is known
   * only up to the last configured term start; a period ending later is refused with a problem
   * naming the missing calendar data instead of passing unchecked (issue 18 item 6).
   */
  private static Optional<RuleViolation> crossesTerm(OrderTerms terms, PrepaymentCaps caps) {
    Optional<LocalDate> crossed =
        caps.termStarts().stream()
            .filter(d -> d.isAfter(terms.periodStart()) && !d.isAfter(terms.periodEnd()))
            .findFirst();
    if (crossed.isPresent()) {
      return Optional.of(
          new RuleViolation(
              NO_CROSS_TERM,
              "the period "
                  + terms.periodStart()
                  + ".."
                  + terms.periodEnd()
                  + " spans the term starting "
                  + crossed.get()));
    }
    Optional<LocalDate> known = caps.termStarts().stream().max(Comparator.naturalOrder());
    if (known.isEmpty() || terms.periodEnd().isAfter(known.get())) {
      return Optional.of(
          new RuleViolation(
              NO_CROSS_TERM,
              "the school calendar is configured only up to "
                  + known.map(LocalDate::toString).orElse("no term start at all")
                  + ", so whether the period "
                  + terms.periodStart()
                  + ".."
                  + terms.periodEnd()
                  + " spans a term cannot be checked; the bureau must add the next term starts"
                  + " (oversight.escrow.prepay.term-starts)"));
    }
    return Optional.empty();
  }

  /**
   * PRE-23, the earliest collection: not earlier than {@code earliestBeforeCourseDays} before the
   * course starts, or — a renewal — once the family's current paid package of the same course has
   * {@code earliestRemainingHours} class hours left or fewer ({@code hoursLeftInCourse}, empty when
   * the family has no paid package of the course).
   */
  public static Optional<RuleViolation> checkEarliestCollection(
      OrderTerms terms, OptionalInt hoursLeftInCourse, PrepaymentCaps caps) {
    LocalDate earliest = terms.periodStart().minusDays(caps.earliestBeforeCourseDays());
    if (!terms.orderedOn().isBefore(earliest)) {
      return Optional.empty();
    }
    if (hoursLeftInCourse.isPresent()
        && hoursLeftInCourse.getAsInt() <= caps.earliestRemainingHours()) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleViolation(
            EARLIEST_COLLECTION,
            "collection on "
                + terms.orderedOn()
                + " is earlier than "
                + caps.earliestBeforeCourseDays()
                + " days before the course starts on "
                + terms.periodStart()
                + (hoursLeftInCourse.isPresent()
                    ? ", and the current package of the course still has "
                        + hoursLeftInCourse.getAsInt()
                        + " class hours left (renewal from "
                        + caps.earliestRemainingHours()
                        + ")"
                    : "")));
  }

  /**
   * LN-PRE-04 split orders: the family's active orders with the same institution inside the rolling
   * window, plus this one, must stay within the caps too.
   */
  public static List<RuleViolation> checkSplit(
      OrderTerms terms,
      int windowClassHours,
      long windowAmountFen,
      int windowDays,
      PrepaymentCaps caps) {
    List<RuleViolation> violations = new ArrayList<>();
    if (windowClassHours > 0 && windowClassHours + terms.classHours() > caps.maxClassHours()) {
      violations.add(
          new RuleViolation(
              HOURS_AND_MONTHS,
              "split order: with the family's orders of the last "
                  + windowDays
                  + " days the institution would hold "
                  + (windowClassHours + terms.classHours())
                  + " prepaid class hours (cap "
                  + caps.maxClassHours()
                  + ")"));
    }
    long amountCap = amountCap(terms.category(), caps);
    if (windowAmountFen > 0 && amountCap >= 0 && windowAmountFen + terms.amountFen() > amountCap) {
      violations.add(
          new RuleViolation(
              amountRule(terms.category()),
              "split order: with the family's orders of the last "
                  + windowDays
                  + " days the institution would hold "
                  + (windowAmountFen + terms.amountFen())
                  + " fen (cap "
                  + amountCap
                  + " fen)"));
    }
    return violations;
  }

  /**
   * PRE-23: class hours not yet held of the family's paid packages of the course, empty when the
   * family has none.
   */
  public static OptionalInt hoursLeft(List<Order> paidOfCourse) {
    return paidOfCourse.isEmpty()
        ? OptionalInt.empty()
        : OptionalInt.of(
            paidOfCourse.stream().mapToInt(o -> o.lessons() - o.tally().lessonsRequested()).sum());
  }

  /** LN-PRE-04 split orders, counting what the window's orders still hold. */
  public static List<RuleViolation> checkSplit(
      OrderTerms terms, List<Order> window, int windowDays, PrepaymentCaps caps) {
    int hours = window.stream().mapToInt(o -> o.lessons() - o.tally().lessonsReleased()).sum();
    long amount =
        window.stream()
            .mapToLong(o -> o.amountFen() - o.tally().releasedFen() - o.tally().refundedFen())
            .sum();
    return checkSplit(terms, hours, amount, windowDays, caps);
  }

  /** The amount cap in fen, or -1 when none applies (a SUBJECT course with the flag off). */
  public static long amountCap(Category category, PrepaymentCaps caps) {
    if (category == Category.SUBJECT) {
      return caps.subjectAmountCapEnabled() ? caps.maxAmountFenSubject() : -1;
    }
    return caps.maxAmountFenNonSubject();
  }

  private static String amountRule(Category category) {
    return category == Category.SUBJECT ? AMOUNT_SUBJECT : AMOUNT_NON_SUBJECT;
  }
}
