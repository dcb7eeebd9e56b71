package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.standing.Standing;
import cn.anshan.oversight.registry.domain.standing.StandingFacts;
import cn.anshan.oversight.registry.repository.standing.StandingFactsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Derives an institution's standing from its facts ({@link Standing#assess}) and publishes the list
 * event when the list status moved: the last step of every licence, registration and sanction
 * change and of the daily watch.
 */
@ApplicationScoped
public class StandingAssessment {
  private final StandingFactsRepository standingFacts;
  private final Outbox outbox;
  private final OversightClock clock;

  public StandingAssessment(
      StandingFactsRepository standingFacts, Outbox outbox, OversightClock clock) {
    this.standingFacts = standingFacts;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Derives the standing and publishes a list event if the list status moved. */
  public Uni<StandingView> reassess(CommandContext command, Institution institution) {
    return standingFacts
        .of(institution.institutionId())
        .chain(
            facts -> {
              Standing standing = assess(institution, facts);
              return standing
                  .listChange(institution, facts.licence())
                  .map(event -> outbox.append(command, institution.record(event)))
                  .orElseGet(() -> Uni.createFrom().voidItem())
                  .map(ignored -> view(institution, facts, standing));
            });
  }

  /** The standing as it is now, without publishing anything. */
  public Uni<StandingView> current(Institution institution) {
    return standingFacts
        .of(institution.institutionId())
        .map(facts -> view(institution, facts, assess(institution, facts)));
  }

  Standing assess(Institution institution, StandingFacts facts) {
    return Standing.assess(
        institution, facts.licence(), facts.registration(), facts.inForce(), clock.today());
  }

  private static StandingView view(
      Institution institution, StandingFacts facts, Standing standing) {
    return new StandingView(
        institution.institutionId(),
        institution.version(),
        standing.listStatus(),
        standing.operational(),
        standing.reasons(),
        institution.registrationDueBy(),
        StandingView.Licence.of(facts.licence()),
        StandingView.Registration.of(facts.registration()),
        facts.inForce().stream().map(StandingView.SanctionInForce::of).toList());
  }
}
