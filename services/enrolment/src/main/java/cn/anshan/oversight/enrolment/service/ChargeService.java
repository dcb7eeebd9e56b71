package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.charge.Charge;
import cn.anshan.oversight.enrolment.domain.charge.ChargeCalculator;
import cn.anshan.oversight.enrolment.domain.charge.PublishedFee;
import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.enrolment.messaging.EnrolmentEvents;
import cn.anshan.oversight.enrolment.repository.ChargeRepository;
import cn.anshan.oversight.enrolment.repository.EnrolmentRepository;
import cn.anshan.oversight.enrolment.repository.ExemptionRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.enrolment.repository.PublishedFeeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Charges and refunds (LN-ASV-03, LN-ASV-06, §8.3, §11 row 20). A child is charged only the fee
 * fee-approval published for the school, term and programme type (learned from FeePublished
 * events); nothing before publication, nothing across terms, nothing above the published fee (nor
 * above the LN-ASV-05 sanity ceiling), and 0 for a granted exemption. A withdrawal refunds pro rata
 * at the configured granularity.
 */
@ApplicationScoped
public class ChargeService {
  private final ProgrammeRepository programmes;
  private final EnrolmentRepository enrolments;
  private final ExemptionRepository exemptions;
  private final PublishedFeeRepository fees;
  private final ChargeRepository charges;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EnrolmentSettings settings;

  public ChargeService(
      ProgrammeRepository programmes,
      EnrolmentRepository enrolments,
      ExemptionRepository exemptions,
      PublishedFeeRepository fees,
      ChargeRepository charges,
      Outbox outbox,
      OversightClock clock,
      EnrolmentSettings settings) {
    this.programmes = programmes;
    this.enrolments = enrolments;
    this.exemptions = exemptions;
    this.fees = fees;
    this.charges = charges;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Charges every child served in the period once: {@code month} for MONTHLY billing (the part of
   * it inside the term), the whole term for PER_TERM billing.
   */
  @WithTransaction
  public Uni<ChargeRunView> issue(CommandContext command, UUID programmeId, YearMonth month) {
    return programmes
        .findById(programmeId)
        .chain(
            programme -> {
              if (programme == null || !programme.schoolId().equals(command.actor().schoolId())) {
                throw ProblemException.notFound("programme " + programmeId);
              }
              if (programme.billing() == Billing.MONTHLY && month == null) {
                throw new ProblemException(
                    Problem.ofFields(
                        List.of(new FieldError("/month", "required for MONTHLY billing"))));
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
                                      + "; charging never spans terms (§8.3"
                                      + " asv.noCrossTermPrepay)"));
              return fees.findById(
                      PublishedFee.key(programme.schoolId(), programme.termId(), programme.type()))
                  .chain(
                      fee -> {
                        Optional<ChargeCalculator.Period> valid =
                            fee == null
                                ? Optional.empty()
                                : period.within(fee.validFrom(), fee.validTo());
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
                        // LN-ASV-05: the published fee is charged as approved (fee-approval
                        // applies the per-level caps 200/280/470); only a fee above the highest
                        // level cap, which no approval can produce, is refused as a sanity check.
                        long ceilingFen = settings.asv().feeCeilingYuanPerMonth() * 100L;
                        if (fee.feeFenPerMonth() > ceilingFen) {
                          throw ProblemException.rule(
                              ChargeCalculator.CEILING_RULE,
                              "the published fee of "
                                  + fee.feeFenPerMonth()
                                  + " fen a month is above "
                                  + ceilingFen
                                  + " fen, the highest per-level cap under which a fee can be"
                                  + " approved; the published fee is suspect and nothing is"
                                  + " charged");
                        }
                        ChargeCalculator.Period charged = valid.get();
                        return charges
                            .chargedEnrolments(programmeId, charged.start())
                            .chain(
                                done ->
                                    enrolments
                                        .servedDuring(programmeId, charged.start(), charged.end())
                                        .chain(
                                            served ->
                                                chargeAll(
                                                    command,
                                                    served,
                                                    new HashSet<>(done),
                                                    charged,
                                                    fee)))
                            .map(
                                issued ->
                                    new ChargeRunView(
                                        programmeId,
                                        programme.termId(),
                                        charged.start(),
                                        charged.end(),
                                        fee.feeFenPerMonth(),
                                        fee.revision(),
                                        issued));
                      });
            });
  }

  private Uni<List<ChargeView>> chargeAll(
      CommandContext command,
      List<Enrolment> served,
      Set<UUID> alreadyCharged,
      ChargeCalculator.Period period,
      PublishedFee fee) {
    List<ChargeView> issued = new ArrayList<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    // One operation at a time on the session: chain, never combine.
    for (Enrolment enrolment : served) {
      if (alreadyCharged.contains(enrolment.id())) {
        continue;
      }
      chain =
          chain
              .chain(
                  () ->
                      exemptions.grantedFor(enrolment.childId(), settings.asv().exemptCategories()))
              .chain(
                  exemption -> {
                    String exempt = exemption == null ? null : exemption.category();
                    long amount =
                        ChargeCalculator.amount(
                            fee.feeFenPerMonth(),
                            period,
                            enrolment.startDate(),
                            enrolment.withdrawalEffective(),
                            settings.asv().refundGranularity(),
                            exempt != null);
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
                            exempt,
                            clock.now());
                    return charges
                        .persist(charge)
                        .chain(() -> outbox.append(command, EnrolmentEvents.chargeIssued(charge)))
                        .invoke(() -> issued.add(ChargeView.of(charge)));
                  });
    }
    return chain.map(done -> issued);
  }

  /**
   * §8.3: refunds, in the caller's transaction, what the withdrawal of {@code enrolment} makes
   * unused of each of its charges. Returns the total refunded.
   */
  public Uni<Long> refundOnWithdrawal(CommandContext command, Enrolment enrolment) {
    LocalDate effective = enrolment.withdrawalEffective();
    return charges
        .ofEnrolmentForRefund(enrolment.id())
        .chain(
            list -> {
              Uni<Long> chain = Uni.createFrom().item(0L);
              for (Charge charge : list) {
                long refund =
                    ChargeCalculator.refund(
                        charge.amountFen() - charge.refundedFen(),
                        charge.feeFenPerMonth(),
                        charge.period(),
                        enrolment.startDate(),
                        effective,
                        settings.asv().refundGranularity(),
                        charge.exemptCategory() != null);
                if (refund <= 0) {
                  continue;
                }
                chain =
                    chain.chain(
                        total -> {
                          charge.refund(refund, clock.now());
                          return outbox
                              .append(
                                  command,
                                  EnrolmentEvents.refundIssued(
                                      charge,
                                      refund,
                                      effective,
                                      settings.asv().refundGranularity()))
                              .replaceWith(total + refund);
                        });
              }
              return chain;
            });
  }

  /**
   * LN-ASV-06 (free for disabled and extreme-poverty children), §11 row 20 "exempt student
   * charged": a granted exemption applies to the whole term in which it is granted, not only to
   * charges issued after it. In the caller's transaction, every charge of the child in a programme
   * whose term has not ended is refunded in full (what is left of it), each as an {@code
   * AsvRefundIssued} with reason EXEMPTION. Charges of terms that ended before the decision stay: a
   * closed term is not reopened (a school that finds an earlier error corrects it outside this
   * service). Returns the total refunded.
   */
  public Uni<Long> refundOnExemption(CommandContext command, Exemption exemption) {
    if (!settings.asv().exemptCategories().contains(exemption.category())) {
      return Uni.createFrom().item(0L);
    }
    LocalDate decidedOn = clock.today();
    return charges
        .refundableInOpenTerms(exemption.childId(), decidedOn)
        .chain(
            list -> {
              Uni<Long> chain = Uni.createFrom().item(0L);
              // One operation at a time on the session: chain, never combine.
              for (Charge charge : list) {
                long refund =
                    ChargeCalculator.exemptionRefund(charge.amountFen(), charge.refundedFen());
                if (refund <= 0) {
                  continue;
                }
                chain =
                    chain.chain(
                        total -> {
                          charge.refund(refund, clock.now());
                          return outbox
                              .append(
                                  command,
                                  EnrolmentEvents.exemptionRefundIssued(
                                      charge,
                                      refund,
                                      decidedOn,
                                      settings.asv().refundGranularity(),
                                      exemption.id()))
                              .replaceWith(total + refund);
                        });
              }
              return chain;
            });
  }
}
