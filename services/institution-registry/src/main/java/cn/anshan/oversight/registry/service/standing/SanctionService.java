package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.standing.Sanction;
import cn.anshan.oversight.registry.domain.standing.SanctionType;
import cn.anshan.oversight.registry.repository.standing.SanctionRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * ENF-01 penalties the supervising regulator imposes and lifts; a stopping order black-lists the
 * institution (LST-01) through the re-assessed standing.
 */
@ApplicationScoped
public class SanctionService {
  private final InstitutionGate gate;
  private final SanctionRepository sanctions;
  private final Outbox outbox;
  private final OversightClock clock;
  private final StandingAssessment assessment;

  public SanctionService(
      InstitutionGate gate,
      SanctionRepository sanctions,
      Outbox outbox,
      OversightClock clock,
      StandingAssessment assessment) {
    this.gate = gate;
    this.sanctions = sanctions;
    this.outbox = outbox;
    this.clock = clock;
    this.assessment = assessment;
  }

  /** ENF-01: the supervising regulator imposes a penalty; stopping orders black-list (LST-01). */
  @WithTransaction
  public Uni<StandingView> imposeSanction(
      CommandContext command,
      String institutionId,
      IfMatch ifMatch,
      SanctionType type,
      String ruleId,
      String detail) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              ifMatch.require(institution.version());
              Sanction.Imposed imposed =
                  Sanction.impose(
                      institution, type, ruleId, detail, command.actor().subject(), clock.now());
              return sanctions
                  .persist(imposed.sanction())
                  .call(() -> outbox.append(command, institution.record(imposed.event())))
                  .chain(() -> assessment.reassess(command, institution));
            });
  }

  @WithTransaction
  public Uni<StandingView> liftSanction(
      CommandContext command, String institutionId, IfMatch ifMatch, UUID sanctionId) {
    return gate.supervisedBy(command.actor(), institutionId)
        .invoke(institution -> ifMatch.require(institution.version()))
        .chain(
            institution ->
                sanctions
                    .findById(sanctionId)
                    .map(found -> Sanction.toLift(found, institutionId, sanctionId))
                    .chain(sanction -> lift(command, institution, sanction)));
  }

  private Uni<StandingView> lift(
      CommandContext command, Institution institution, Sanction sanction) {
    return outbox
        .append(
            command,
            institution.record(sanction.lift(institution, command.actor().subject(), clock.now())))
        .chain(() -> assessment.reassess(command, institution));
  }
}
