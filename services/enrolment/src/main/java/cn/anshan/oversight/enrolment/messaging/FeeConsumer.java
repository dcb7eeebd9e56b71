package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.charge.PublishedFee;
import cn.anshan.oversight.enrolment.repository.PublishedFeeRepository;
import cn.anshan.oversight.enrolment.service.ContentAgreementService;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from fee-approval what may be charged, from FeePublished (LN-ASV-06, §11 row 19: the
 * monthly fee per school, term and programme type; a higher revision supersedes a lower one), and
 * who sits on each school's parent committee, from the representative events (LN-ASV-01: they agree
 * the programme content). Other fee event types are ignored.
 */
@ApplicationScoped
public class FeeConsumer implements EventConsumer {
  static final String CONSUMER = "enrolment-fee";
  static final String PREFIX = "cn.anshan.oversight.fee.";
  static final Set<String> TYPES =
      Set.of(
          "FeePublished.v1", "ParentRepresentativeRegistered.v1", "ParentRepresentativeRemoved.v1");

  private final Inbox inbox;
  private final PublishedFeeRepository fees;
  private final ContentAgreementService committees;

  public FeeConsumer(Inbox inbox, PublishedFeeRepository fees, ContentAgreementService committees) {
    this.inbox = inbox;
    this.fees = fees;
    this.committees = committees;
  }

  @Incoming("fee-in")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public boolean handles(String type) {
    return type.startsWith(PREFIX) && TYPES.contains(type.substring(PREFIX.length()));
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
    return switch (event.type().substring(PREFIX.length())) {
      case "ParentRepresentativeRegistered.v1" -> {
        RepresentativeSeat seat = event.dataAs(RepresentativeSeat.class);
        yield committees.seated(seat.schoolId(), seat.representative(), seat.registeredAt());
      }
      case "ParentRepresentativeRemoved.v1" -> {
        RepresentativeLeft left = event.dataAs(RepresentativeLeft.class);
        yield committees.unseated(left.schoolId(), left.representative());
      }
      default -> published(event);
    };
  }

  private Uni<Void> published(IncomingEvent event) {
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
