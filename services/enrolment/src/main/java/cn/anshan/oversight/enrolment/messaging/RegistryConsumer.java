package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.provider.ExitReason;
import cn.anshan.oversight.enrolment.service.ProviderExits;
import cn.anshan.oversight.enrolment.service.ProviderFacts;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the provider-standing read model from registry events (ASV-06) and exits providers that the
 * registry black-lists, delists or whose licence lapses; learns filed courses and their prices (the
 * ceiling of a provider's fee), the bureau's REG-03 classifications, and which institutions employ
 * someone on the staff blacklist (STF-06; their providers exit). Other registry event types are
 * ignored.
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
          "LicenceExpired.v1",
          "CourseFiled.v1",
          "CourseClassified.v1",
          "StaffBlacklisted.v1",
          "StaffLeft.v1");

  private final Inbox inbox;
  private final ProviderExits providers;
  private final ProviderFacts facts;
  private final OversightClock clock;

  public RegistryConsumer(
      Inbox inbox, ProviderExits providers, ProviderFacts facts, OversightClock clock) {
    this.inbox = inbox;
    this.providers = providers;
    this.facts = facts;
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
    CommandContext system =
        new CommandContext(
            Actor.system("enrolment"),
            event.correlationId() != null ? event.correlationId() : event.id().toString(),
            event.id().toString());
    Uni<Void> learnt =
        switch (event.type().substring(PREFIX.length())) {
          case "CourseFiled.v1" -> facts.courseFiled(event.dataAs(CourseFiled.class).course());
          case "CourseClassified.v1" -> classified(system, event.dataAs(CourseClassified.class));
          case "StaffBlacklisted.v1" -> blacklisted(system, event.dataAs(StaffBlacklisted.class));
          case "StaffLeft.v1" -> left(event.dataAs(StaffLeft.class));
          default -> null;
        };
    if (learnt != null) {
      return learnt;
    }
    long version = event.aggregateVersion();
    Uni<Integer> work =
        switch (event.type().substring(PREFIX.length())) {
          case "LicenceRevoked.v1" ->
              lapsed(system, event.dataAs(LicenceLapse.class), version, ExitReason.LICENCE_REVOKED);
          case "LicenceExpired.v1" ->
              lapsed(system, event.dataAs(LicenceLapse.class), version, ExitReason.LICENCE_EXPIRED);
          default -> listed(system, event.dataAs(InstitutionListing.class), version);
        };
    return work.replaceWithVoid();
  }

  /** REG-03: REFUTED bars the course and its admitted providers exit (ASV-06). */
  private Uni<Void> classified(CommandContext system, CourseClassified decision) {
    Uni<Void> learnt = facts.courseClassified(decision.courseId(), decision.subjectType());
    return decision.subjectType()
        ? learnt.chain(() -> providers.courseRefuted(system, decision.courseId())).replaceWithVoid()
        : learnt;
  }

  /** STF-06: remembered, and the providers still employing the person exit (ASV-06). */
  private Uni<Void> blacklisted(CommandContext system, StaffBlacklisted listing) {
    return facts
        .staffBlacklisted(
            listing.currentlyFiled().stream()
                .map(f -> new ProviderFacts.Filing(f.staffId(), f.institutionId()))
                .toList(),
            listing.listedAt())
        .chain(employing -> providers.staffBlacklisted(system, employing))
        .replaceWithVoid();
  }

  private Uni<Void> left(StaffLeft departure) {
    return facts.staffLeft(
        new ProviderFacts.Filing(departure.staffId(), departure.institutionId()),
        departure.leftAt());
  }

  private Uni<Integer> lapsed(
      CommandContext system, LicenceLapse lapse, long version, ExitReason reason) {
    return providers.standingChanged(
        system,
        lapse.institutionId(),
        s -> s.licenceLapsed(version, lapse.district(), clock.now()),
        reason);
  }

  private Uni<Integer> listed(CommandContext system, InstitutionListing listing, long version) {
    return providers.standingChanged(
        system,
        listing.institutionId(),
        s ->
            s.listed(
                version,
                listing.district(),
                listing.listStatus(),
                listing.operational(),
                listing.licenceNo(),
                listing.licenceValidTo(),
                clock.now()),
        listing.blacklisted() ? ExitReason.BLACKLISTED : ExitReason.DELISTED);
  }
}
