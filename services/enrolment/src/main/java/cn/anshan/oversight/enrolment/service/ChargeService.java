package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.charge.Charge;
import cn.anshan.oversight.enrolment.domain.charge.ChargeCalculator;
import cn.anshan.oversight.enrolment.domain.charge.ChargeRun;
import cn.anshan.oversight.enrolment.domain.charge.PublishedFee;
import cn.anshan.oversight.enrolment.domain.charge.RefundGranularity;
import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.repository.ChargeRepository;
import cn.anshan.oversight.enrolment.repository.EnrolmentRepository;
import cn.anshan.oversight.enrolment.repository.ExemptionRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.enrolment.repository.PublishedFeeRepository;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
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
import java.util.function.Function;

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
    long ceilingFen = settings.asv().feeCeilingYuanPerMonth() * 100L;
    return ownProgramme(command, programmeId)
        .map(programme -> ChargeRun.plan(programme, month))
        .chain(run -> publishedFee(run.programme()).map(fee -> run.covering(fee, ceilingFen)))
        .chain(run -> chargeServed(command, run).map(issued -> view(run, issued)));
  }

  private Uni<Programme> ownProgramme(CommandContext command, UUID programmeId) {
    return programmes
        .findById(programmeId)
        .map(
            programme ->
                ProblemException.requireFound(
                    programme,
                    "programme " + programmeId,
                    found -> found.schoolId().equals(command.actor().schoolId())));
  }

  private Uni<PublishedFee> publishedFee(Programme programme) {
    return fees.findById(
        PublishedFee.key(programme.schoolId(), programme.termId(), programme.type()));
  }

  /** Every enrolment served during the run's period and not charged for it yet. */
  private Uni<List<ChargeView>> chargeServed(CommandContext command, ChargeRun run) {
    UUID programmeId = run.programme().id();
    ChargeCalculator.Period period = run.period();
    return charges
        .chargedEnrolments(programmeId, period.start())
        .chain(
            done ->
                enrolments
                    .servedDuring(programmeId, period.start(), period.end())
                    .map(served -> uncharged(served, new HashSet<>(done))))
        .chain(uncharged -> chargeAll(command, uncharged, run));
  }

  private static List<Enrolment> uncharged(List<Enrolment> served, Set<UUID> alreadyCharged) {
    return served.stream().filter(e -> !alreadyCharged.contains(e.id())).toList();
  }

  private Uni<List<ChargeView>> chargeAll(
      CommandContext command, List<Enrolment> uncharged, ChargeRun run) {
    List<ChargeView> issued = new ArrayList<>();
    return OneAtATime.each(
            uncharged,
            enrolment -> charge(command, run, enrolment).invoke(c -> issued.add(ChargeView.of(c))))
        .map(done -> issued);
  }

  private Uni<Charge> charge(CommandContext command, ChargeRun run, Enrolment enrolment) {
    return exemptions
        .grantedFor(enrolment.childId(), settings.asv().exemptCategories())
        .map(
            exemption ->
                run.charge(
                    enrolment,
                    exemption == null ? null : exemption.category(),
                    settings.asv().refundGranularity(),
                    clock.now()))
        .chain(issued -> outbox.appendNew(command, issued, charges::persist));
  }

  private static ChargeRunView view(ChargeRun run, List<ChargeView> issued) {
    return new ChargeRunView(
        run.programme().id(),
        run.programme().termId(),
        run.period().start(),
        run.period().end(),
        run.fee().feeFenPerMonth(),
        run.fee().revision(),
        issued);
  }

  /**
   * §8.3: refunds, in the caller's transaction, what the withdrawal of {@code enrolment} makes
   * unused of each of its charges.
   */
  public Uni<Void> refundOnWithdrawal(CommandContext command, Enrolment enrolment) {
    RefundGranularity granularity = settings.asv().refundGranularity();
    return refundEach(
        command,
        charges.ofEnrolmentForRefund(enrolment.id()),
        charge -> charge.refundOnWithdrawal(enrolment, granularity, clock.now()));
  }

  /**
   * LN-ASV-06 (free for disabled and extreme-poverty children), §11 row 20 "exempt student
   * charged": a granted exemption applies to the whole term in which it is granted, not only to
   * charges issued after it. In the caller's transaction, every charge of the child in a programme
   * whose term has not ended is refunded in full (what is left of it), each as an {@code
   * AsvRefundIssued} with reason EXEMPTION. Charges of terms that ended before the decision stay: a
   * closed term is not reopened (a school that finds an earlier error corrects it outside this
   * service).
   */
  public Uni<Void> refundOnExemption(CommandContext command, Exemption exemption) {
    if (!settings.asv().exemptCategories().contains(exemption.category())) {
      return Uni.createFrom().voidItem();
    }
    LocalDate decidedOn = clock.today();
    RefundGranularity granularity = settings.asv().refundGranularity();
    return refundEach(
        command,
        charges.refundableInOpenTerms(exemption.childId(), decidedOn),
        charge -> charge.refundOnExemption(exemption.id(), decidedOn, granularity, clock.now()));
  }

  /** Each charge decides its refund in turn; what it refunded is appended. */
  private Uni<Void> refundEach(
      CommandContext command,
      Uni<List<Charge>> found,
      Function<Charge, Optional<PendingEvent>> refund) {
    return found.chain(
        list -> OneAtATime.each(list, charge -> refunded(command, charge, refund.apply(charge))));
  }

  /** Appends the refund a charge decided on, if it refunded anything. */
  private Uni<Void> refunded(CommandContext command, Charge charge, Optional<PendingEvent> refund) {
    return refund
        .map(event -> outbox.append(command, charge.record(event)))
        .orElse(Uni.createFrom().voidItem());
  }
}
