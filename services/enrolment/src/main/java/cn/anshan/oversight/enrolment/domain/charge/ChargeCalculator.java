package cn.anshan.oversight.enrolment.domain.charge;

import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What a child owes for a charging period and what comes back on withdrawal (LN-ASV-03, LN-ASV-06,
 * §8.3). Plain Java, integer fen. Every period lies inside one term (never across terms); the
 * amount for a calendar month never exceeds the published monthly fee, so a charge above the
 * published fee cannot be computed.
 */
public final class ChargeCalculator {
  /** LN-ASV-03: never above the published fee (the fee standard is fee-approval's). */
  public static final String FEE_RULE = "LN-ASV-03";

  /**
   * LN-ASV-05: per-level caps 200 / 280 / 470 yuan applied by fee-approval; enrolment only refuses
   * a published fee above the highest of them (a sanity ceiling, {@code
   * asv.feeCeilingYuanPerMonth}).
   */
  public static final String CEILING_RULE = "LN-ASV-05";

  /** LN-ASV-06: exempt categories (disabled, extreme poverty, …) are charged zero. */
  public static final String EXEMPTION_RULE = "LN-ASV-06";

  /**
   * LN-ASV-06 (§11 row 19): only a fee the city government approved and the school published may be
   * charged; nothing before publication.
   */
  public static final String PUBLICATION_RULE = "LN-ASV-06";

  private ChargeCalculator() {}

  /** LN-ASV-06: an exemption is claimed only for one of the configured exempt categories. */
  public static void requireExemptCategory(String category, List<String> exemptCategories) {
    if (!exemptCategories.contains(category)) {
      throw ProblemException.rule(
          EXEMPTION_RULE, category + " is not an exempt category; exempt are " + exemptCategories);
    }
  }

  /** A charging period, both days inclusive. */
  public record Period(LocalDate start, LocalDate end) {
    public Period {
      if (end.isBefore(start)) {
        throw new IllegalArgumentException("period ends before it starts");
      }
    }

    /** The part of the period inside [from, to] (null bounds are open); empty if none. */
    public Optional<Period> within(LocalDate from, LocalDate to) {
      LocalDate s = from == null ? start : max(start, from);
      LocalDate e = to == null ? end : min(end, to);
      return e.isBefore(s) ? Optional.empty() : Optional.of(new Period(s, e));
    }

    /** Calendar months the period touches (a part of a month counts as one). */
    public int months() {
      return (int)
              (YearMonth.from(start)
                  .until(YearMonth.from(end), java.time.temporal.ChronoUnit.MONTHS))
          + 1;
    }
  }

  /**
   * §8.3 no prepayment across terms: MONTHLY billing charges the part of {@code month} inside the
   * term, PER_TERM billing the whole term. Empty when {@code month} lies outside the term.
   */
  public static Optional<Period> period(
      Billing billing, LocalDate termStart, LocalDate termEnd, YearMonth month) {
    if (billing == Billing.PER_TERM) {
      return Optional.of(new Period(termStart, termEnd));
    }
    LocalDate start = max(termStart, month.atDay(1));
    LocalDate end = min(termEnd, month.atEndOfMonth());
    return end.isBefore(start) ? Optional.empty() : Optional.of(new Period(start, end));
  }

  /**
   * The amount for {@code period} when the child is served from {@code servedFrom} until the day
   * before {@code servedUntil} ({@code null}: not withdrawn). Each calendar month of the period is
   * counted on its own at {@code granularity}; an exempt child (LN-ASV-06) pays 0.
   */
  public static long amount(
      long feeFenPerMonth,
      Period period,
      LocalDate servedFrom,
      LocalDate servedUntil,
      RefundGranularity granularity,
      boolean exempt) {
    if (exempt) {
      return 0;
    }
    long total = 0;
    for (YearMonth month = YearMonth.from(period.start());
        !month.isAfter(YearMonth.from(period.end()));
        month = month.plusMonths(1)) {
      LocalDate from = max(max(period.start(), month.atDay(1)), servedFrom);
      LocalDate to = min(period.end(), month.atEndOfMonth());
      if (servedUntil != null) {
        to = min(to, servedUntil.minusDays(1));
      }
      long usedDays = to.isBefore(from) ? 0 : to.toEpochDay() - from.toEpochDay() + 1;
      total += monthAmount(feeFenPerMonth, usedDays, month.lengthOfMonth(), granularity);
    }
    long cap = feeFenPerMonth * period.months();
    if (total > cap) {
      throw new IllegalStateException("LN-ASV-03: computed " + total + " above the fee " + cap);
    }
    return total;
  }

  /**
   * What a withdrawal effective on {@code effectiveDate} gives back of a charge of {@code charged}
   * fen: the charge minus what the shortened service costs, never negative.
   */
  public static long refund(
      long charged,
      long feeFenPerMonth,
      Period period,
      LocalDate servedFrom,
      LocalDate effectiveDate,
      RefundGranularity granularity,
      boolean exempt) {
    long owed = amount(feeFenPerMonth, period, servedFrom, effectiveDate, granularity, exempt);
    return Math.max(0, charged - owed);
  }

  /**
   * LN-ASV-06: a granted exemption makes the child's charges of the current term 0, so what is left
   * of such a charge ({@code charged − alreadyRefunded}) comes back in full, never negative.
   */
  public static long exemptionRefund(long charged, long alreadyRefunded) {
    return Math.max(0, charged - alreadyRefunded);
  }

  static long monthAmount(
      long feeFenPerMonth, long usedDays, int daysInMonth, RefundGranularity granularity) {
    if (usedDays <= 0) {
      return 0;
    }
    return switch (granularity) {
      case DAY -> feeFenPerMonth * usedDays / daysInMonth;
      case HALF_MONTH -> usedDays * 2 <= daysInMonth ? feeFenPerMonth / 2 : feeFenPerMonth;
      case MONTH -> feeFenPerMonth;
    };
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
