package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Movements;
import cn.anshan.oversight.escrow.domain.order.Confirmation;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.service.Views.ConsumptionView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Pays one confirmed lesson (一课一消, REL-02): its reservation is posted to the institution and paid
 * out of custody, then the answer and FundsReleased are appended. The ledger refuses a second
 * resolution, so cumulative release never exceeds confirmed lessons × unit price paid. Nothing is
 * paid while the institution may not collect (LST-01).
 */
@ApplicationScoped
public class LessonRelease {
  private final StandingRepository standings;
  private final Ledgers ledgers;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EscrowSettings settings;

  public LessonRelease(
      StandingRepository standings,
      Ledgers ledgers,
      Outbox outbox,
      OversightClock clock,
      EscrowSettings settings) {
    this.standings = standings;
    this.ledgers = ledgers;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /** Pays the lesson once the institution may collect (LST-01); else a 409 that changes nothing. */
  public Uni<ConsumptionView> release(
      CommandContext context, Order order, Consumption c, Confirmation how) {
    return mayCollect(order, "releases").chain(() -> releaseNow(context, order, c, how));
  }

  /** Pays the lesson now (the caller checked that the institution may collect). */
  public Uni<ConsumptionView> releaseNow(
      CommandContext context, Order order, Consumption c, Confirmation how) {
    return ledgers
        .forOrder(
            order,
            true,
            ledger -> {
              UUID pendingId = ledger.openReservationOf(c.lessonNo());
              long amount =
                  Movements.releaseLesson(ledger, pendingId, "consumption:" + c.id(), clock.now());
              JournalEntry posted = ledger.appended().get(0);
              return new Released(amount, posted.id());
            })
        .chain(released -> recordRelease(context, order, c, how, released));
  }

  /** The lesson's answer and its release, recorded on the order in this order. */
  private Uni<ConsumptionView> recordRelease(
      CommandContext context, Order order, Consumption c, Confirmation how, Released released) {
    var events =
        c.released(
            order,
            how,
            released.amount(),
            released.entryId(),
            settings.release().autoConfirmWorkingDays(),
            clock.now());
    return outbox.appendEach(context, events, order::record).replaceWith(ConsumptionView.of(c));
  }

  /**
   * LST-01 (issue 17 item 2): while the institution may not collect (not white-listed and
   * operational, licence revoked), it neither asks for lessons nor is paid for them; a 409 that
   * changes nothing, until the registry restores its standing.
   */
  public Uni<Void> mayCollect(Order order, String what) {
    return standings
        .findById(order.institutionId())
        .invoke(standing -> SaleRules.requireMayCollect(order, standing, what))
        .replaceWithVoid();
  }

  private record Released(long amount, UUID entryId) {}
}
