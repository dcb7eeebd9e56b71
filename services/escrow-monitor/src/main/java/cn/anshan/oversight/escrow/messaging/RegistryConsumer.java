package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.service.EntitlementService;
import cn.anshan.oversight.escrow.service.ExitRefundService;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Registry events escrow reacts to (DESIGN §1): list and licence events keep the entitlement read
 * model (§11 row 3), list and registration events the particulars a contract names (CON-02),
 * CourseFiled the filed courses, SessionScheduled / SessionHeld the sessions lessons are consumed
 * against (REL-04); losing the standing (black list or licence revoked) refunds every unconsumed
 * balance (REL-09). Each event applies once (kit Inbox); other types are ignored; poison records go
 * to the channel's DLQ.
 */
@ApplicationScoped
public class RegistryConsumer implements EventConsumer {
  public static final String CONSUMER = "escrow-monitor-registry";
  private static final String PREFIX = "cn.anshan.oversight.registry.";

  private final Inbox inbox;
  private final EntitlementService entitlement;
  private final ExitRefundService refunds;
  private final EscrowSettings settings;
  private final OversightClock clock;

  public RegistryConsumer(
      Inbox inbox,
      EntitlementService entitlement,
      ExitRefundService refunds,
      EscrowSettings settings,
      OversightClock clock) {
    this.inbox = inbox;
    this.entitlement = entitlement;
    this.refunds = refunds;
    this.settings = settings;
    this.clock = clock;
  }

  @Incoming("registry-events")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public String name() {
    return CONSUMER;
  }

  @Override
  public EventSource source() {
    return EventSource.REGISTRY;
  }

  @Override
  public Uni<Void> apply(IncomingEvent event) {
    String type =
        event.type().startsWith(PREFIX) ? event.type().substring(PREFIX.length()) : event.type();
    return switch (type) {
      case "InstitutionWhitelisted.v1", "InstitutionDelisted.v1", "InstitutionBlacklisted.v1" ->
          listed(event, event.dataAs(InstitutionListing.class));
      case "LicenceRevoked.v1" -> revoked(event, event.dataAs(LicenceRevoked.class));
      case "RegistrationFiled.v1" -> registered(event, event.dataAs(RegistrationFiled.class));
      case "CourseFiled.v1" -> entitlement.courseFiled(event.dataAs(CourseFiled.class).course());
      case "SessionScheduled.v1" ->
          entitlement.sessionScheduled(event.dataAs(SessionEvent.class).session());
      case "SessionHeld.v1" -> held(event.dataAs(SessionEvent.class));
      case "PriceViolationDetected.v1" -> priceViolation(event.dataAs(PriceViolation.class));
      case "PriceViolationCleared.v1" ->
          entitlement.priceViolationCleared(event.dataAs(PriceViolation.class).courseId());
      case "CourseClassified.v1" -> classified(event.dataAs(CourseClassified.class));
      default -> Uni.createFrom().voidItem();
    };
  }

  /** A list event carries the whole standing; going on the black list takes it away. */
  private Uni<Void> listed(IncomingEvent event, InstitutionListing listing) {
    long version = event.aggregateVersion();
    return entitlement
        .standingChanged(
            event,
            listing.institutionId(),
            standing -> {
              boolean applied =
                  standing.listed(
                      version,
                      listing.district(),
                      listing.category(),
                      listing.listStatus(),
                      listing.operational(),
                      clock.now());
              standing.licensed(
                  version,
                  listing.name(),
                  listing.mode(),
                  listing.licenceNo(),
                  listing.licenceValidTo());
              return applied && "BLACK".equals(standing.listStatus());
            })
        .chain(change -> exit(event, change));
  }

  private Uni<Void> revoked(IncomingEvent event, LicenceRevoked revoked) {
    return entitlement
        .standingChanged(
            event,
            revoked.institutionId(),
            standing -> standing.revoked(event.aggregateVersion(), revoked.district(), clock.now()))
        .chain(change -> exit(event, change));
  }

  private Uni<Void> registered(IncomingEvent event, RegistrationFiled filed) {
    return entitlement
        .standingChanged(
            event,
            filed.institutionId(),
            standing -> {
              standing.registered(
                  event.aggregateVersion(),
                  filed.registrationType(),
                  filed.creditCode(),
                  filed.validTo());
              return false;
            })
        .replaceWithVoid();
  }

  private Uni<Void> held(SessionEvent held) {
    return entitlement.sessionHeld(held.session(), held.requireHeldAt(), held.attendingChildIds());
  }

  private Uni<Void> priceViolation(PriceViolation violation) {
    return entitlement.priceViolation(
        violation.courseId(),
        violation.requireRuleId(),
        violation.detail() == null ? "" : violation.detail());
  }

  private Uni<Void> classified(CourseClassified decision) {
    return entitlement.courseClassified(
        decision.courseId(), decision.subjectType(), decision.finding());
  }

  private Uni<Void> exit(IncomingEvent event, EntitlementService.Change change) {
    if (!change.lostStanding()) {
      return Uni.createFrom().voidItem();
    }
    CommandContext system =
        new CommandContext(
            Actor.system("escrow-monitor"),
            event.correlationId() != null ? event.correlationId() : UUID.randomUUID().toString(),
            event.id().toString());
    return refunds
        .refundOpenOf(system, change.institutionId(), settings.refund().exitInlineBatch())
        .invoke(
            n ->
                Log.infof(
                    "institution %s lost its standing (%s): %d order(s) refunded at once (REL-09);"
                        + " any more follow from the exit-refund watch",
                    change.institutionId(), event.type(), n))
        .replaceWithVoid();
  }
}
