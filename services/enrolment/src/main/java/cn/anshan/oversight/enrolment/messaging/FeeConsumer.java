package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.charge.PublishedFee;
import cn.anshan.oversight.enrolment.repository.PublishedFeeRepository;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns what may be charged from fee-approval's FeePublished events (LN-ASV-06, §11 row 19): the
 * monthly fee per school, term and programme type; a higher revision supersedes a lower one. Other
 * fee event types are ignored.
 */
@ApplicationScoped
public class FeeConsumer implements EventConsumer {
  static final String CONSUMER = "enrolment-fee";
  static final String TYPE = "cn.anshan.oversight.fee.FeePublished.v1";

  private final Inbox inbox;
  private final PublishedFeeRepository fees;

  public FeeConsumer(Inbox inbox, PublishedFeeRepository fees) {
    this.inbox = inbox;
    this.fees = fees;
  }

  @Incoming("fee-in")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public boolean handles(String type) {
    return TYPE.equals(type);
  }

  @Override
  public String name() {
    return CONSUMER;
  }

  @Override
  public EventSource source() {
    return EventSource.FEE_APPROVAL;
  }

  @Override
  public Uni<Void> apply(IncomingEvent event) {
    FeePublished fee = event.dataAs(FeePublished.class);
    return fees.findById(PublishedFee.key(fee.schoolId(), fee.termId(), fee.programmeType()))
        .chain(
            found -> {
              PublishedFee current =
                  found != null
                      ? found
                      : new PublishedFee(fee.schoolId(), fee.termId(), fee.programmeType());
              boolean applied =
                  current.publish(
                      fee.revision(),
                      fee.district(),
                      fee.proposalId(),
                      fee.basis(),
                      fee.feeFenPerMonth(),
                      fee.validFrom(),
                      fee.validTo(),
                      fee.publishedAt(),
                      event.id());
              if (!applied) {
                Log.infof(
                    "fee revision %d for %s ignored: revision %d is known",
                    fee.revision(), current.schoolId(), current.revision());
                return Uni.createFrom().voidItem();
              }
              return found != null
                  ? Uni.createFrom().voidItem()
                  : fees.persist(current).replaceWithVoid();
            });
  }
}
