package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.charge.PublishedFee;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import cn.anshan.oversight.enrolment.repository.PublishedFeeRepository;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    JsonNode data = event.data();
    String schoolId = RegistryConsumer.text(data, "schoolId", true);
    String termId = RegistryConsumer.text(data, "termId", true);
    ProgrammeType type;
    try {
      type = ProgrammeType.valueOf(RegistryConsumer.text(data, "programmeType", true));
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("data.programmeType is unknown");
    }
    JsonNode fee = data.get("feeFenPerMonth");
    JsonNode revision = data.get("revision");
    if (fee == null || !fee.canConvertToLong() || fee.asLong() < 0) {
      throw new PoisonEventException("data.feeFenPerMonth is not a non-negative integer");
    }
    if (revision == null || !revision.canConvertToInt()) {
      throw new PoisonEventException("data.revision is not an integer");
    }
    Instant publishedAt;
    try {
      String at = RegistryConsumer.text(data, "publishedAt", false);
      publishedAt = at == null ? null : Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException("data.publishedAt is not an instant");
    }
    Instant published = publishedAt;
    return fees.findById(PublishedFee.key(schoolId, termId, type))
        .chain(
            found -> {
              PublishedFee current =
                  found != null ? found : new PublishedFee(schoolId, termId, type);
              boolean applied =
                  current.publish(
                      revision.asInt(),
                      RegistryConsumer.text(data, "district", false),
                      RegistryConsumer.text(data, "proposalId", false),
                      RegistryConsumer.text(data, "basis", false),
                      fee.asLong(),
                      RegistryConsumer.date(data, "validFrom"),
                      RegistryConsumer.date(data, "validTo"),
                      published,
                      event.id());
              if (!applied) {
                Log.infof(
                    "fee revision %d for %s ignored: revision %d is known",
                    revision.asInt(), current.schoolId(), current.revision());
                return Uni.createFrom().voidItem();
              }
              return found != null
                  ? Uni.createFrom().voidItem()
                  : fees.persist(current).replaceWithVoid();
            });
  }
}
