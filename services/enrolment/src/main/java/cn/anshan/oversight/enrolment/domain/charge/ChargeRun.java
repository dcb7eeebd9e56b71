package cn.anshan.oversight.enrolment.domain.charge;

import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One charge run of a programme: the period it charges (a month of MONTHLY billing inside the term,
 * or the whole term of PER_TERM billing; never across terms, LN-ASV-03) and, once {@link #covering}
 * has checked it, the published fee it charges (LN-ASV-06 publication, LN-ASV-05 sanity ceiling).
 */
public record ChargeRun(Programme programme, ChargeCalculator.Period period, PublishedFee fee) {

  public static ChargeRun plan(Programme programme, YearMonth month) {
    if (programme.billing() == Billing.MONTHLY && month == null) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError("/month", "required for MONTHLY billing"))));
    }
    ChargeCalculator.Period period =
        ChargeCalculator.period(
                programme.billing(), programme.termStart(), programme.termEnd(), month)
            .orElseThrow(
                () ->
                    ProblemException.rule(
                        ChargeCalculator.FEE_RULE,
                        month
                            + " lies outside term "
                            + programme.termId()
                            + "; charging never spans terms (§8.3 asv.noCrossTermPrepay)"));
    return new ChargeRun(programme, period, null);
  }

  /**
   * The run narrowed to the days {@code published} covers; refused when no fee was published for
   * them (nothing is charged before publication) or the fee is above {@code ceilingFen}.
   */
  public ChargeRun covering(PublishedFee published, long ceilingFen) {
    Optional<ChargeCalculator.Period> valid =
        published == null
            ? Optional.empty()
            : period.within(published.validFrom(), published.validTo());
    if (valid.isEmpty()) {
      throw ProblemException.rule(
          ChargeCalculator.PUBLICATION_RULE,
          "no fee has been approved and published for school "
              + programme.schoolId()
              + ", term "
              + programme.termId()
              + " and "
              + programme.type()
              + " covering "
              + period.start()
              + ".."
              + period.end()
              + "; nothing may be charged before publication");
    }
    // LN-ASV-05: the published fee is charged as approved (fee-approval applies the per-level caps
    // 200/280/470); only a fee above the highest level cap, which no approval can produce, is
    // refused as a sanity check.
    if (published.feeFenPerMonth() > ceilingFen) {
      throw ProblemException.rule(
          ChargeCalculator.CEILING_RULE,
          "the published fee of "
              + published.feeFenPerMonth()
              + " fen a month is above "
              + ceilingFen
              + " fen, the highest per-level cap under which a fee can be approved; the"
              + " published fee is suspect and nothing is charged");
    }
    return new ChargeRun(programme, valid.get(), published);
  }

  /**
   * The charge of one served enrolment: the days served at the fee, 0 when the child holds a
   * granted exemption ({@code exemptCategory} not null, LN-ASV-06).
   */
  public Decision<Charge> charge(
      Enrolment enrolment, String exemptCategory, RefundGranularity granularity, Instant now) {
    long amount =
        ChargeCalculator.amount(
            fee.feeFenPerMonth(),
            period,
            enrolment.startDate(),
            enrolment.withdrawalEffective(),
            granularity,
            exemptCategory != null);
    Charge charge =
        new Charge(
            enrolment.id(),
            enrolment.childId(),
            enrolment.programmeId(),
            enrolment.schoolId(),
            enrolment.district(),
            enrolment.termId(),
            period,
            fee,
            amount,
            exemptCategory,
            now);
    return Decision.of(charge, ChargeEvents.chargeIssued(charge));
  }
}
