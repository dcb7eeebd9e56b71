package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.provider.ExitReason;
import cn.anshan.oversight.enrolment.service.ProviderService;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the provider-standing read model from registry events (ASV-06) and exits providers that the
 * registry black-lists, delists or whose licence lapses. Other registry event types are ignored.
 */
@ApplicationScoped
public class RegistryConsumer implements EventConsumer {
  static final String CONSUMER = "enrolment-registry";
  static final String PREFIX = "cn.anshan.oversight.registry.";
  static final Set<String> HANDLED =
      Set.of(
          "InstitutionWhitelisted.v1",
          "InstitutionBlacklisted.v1",
          "InstitutionDelisted.v1",
          "LicenceRevoked.v1",
          "LicenceExpired.v1");

  private final Inbox inbox;
  private final ProviderService providers;
  private final OversightClock clock;

  public RegistryConsumer(Inbox inbox, ProviderService providers, OversightClock clock) {
    this.inbox = inbox;
    this.providers = providers;
    this.clock = clock;
  }

  @Incoming("registry-in")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public boolean handles(String type) {
    return type.startsWith(PREFIX) && HANDLED.contains(type.substring(PREFIX.length()));
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
    JsonNode data = event.data();
    String institutionId = text(data, "institutionId", true);
    String district = text(data, "district", false);
    long version = event.aggregateVersion();
    CommandContext system =
        new CommandContext(
            Actor.system("enrolment"),
            event.correlationId() != null ? event.correlationId() : event.id().toString(),
            event.id().toString());
    String name = event.type().substring(PREFIX.length());
    Uni<Integer> work =
        switch (name) {
          case "LicenceRevoked.v1" ->
              providers.standingChanged(
                  system,
                  institutionId,
                  s -> s.licenceLapsed(version, district, clock.now()),
                  ExitReason.LICENCE_REVOKED);
          case "LicenceExpired.v1" ->
              providers.standingChanged(
                  system,
                  institutionId,
                  s -> s.licenceLapsed(version, district, clock.now()),
                  ExitReason.LICENCE_EXPIRED);
          default -> {
            String listStatus = text(data, "listStatus", true);
            JsonNode operational = data.get("operational");
            if (operational == null || !operational.isBoolean()) {
              throw new PoisonEventException(name + " without a boolean operational");
            }
            String licenceNo = text(data, "licenceNo", false);
            LocalDate validTo = date(data, "licenceValidTo");
            yield providers.standingChanged(
                system,
                institutionId,
                s ->
                    s.listed(
                        version,
                        district,
                        listStatus,
                        operational.asBoolean(),
                        licenceNo,
                        validTo,
                        clock.now()),
                "BLACK".equals(listStatus) ? ExitReason.BLACKLISTED : ExitReason.DELISTED);
          }
        };
    return work.replaceWithVoid();
  }

  static String text(JsonNode data, String field, boolean required) {
    JsonNode node = data.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw new PoisonEventException("data." + field + " is missing");
      }
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new PoisonEventException("data." + field + " is not a non-empty string");
    }
    return node.asText();
  }

  static LocalDate date(JsonNode data, String field) {
    String text = text(data, field, false);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new PoisonEventException("data." + field + " is not a date");
    }
  }
}
