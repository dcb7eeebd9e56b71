package cn.anshan.oversight.registry.service;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.SectorOpinion;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * REG-02 / REG-08: the sector department (sports, culture-tourism, science-technology bureau) of a
 * district gives its opinion on a pending non-subject application of its sector there. Whether the
 * regulator must wait for a concurrence is the city's choice ({@code NonSubjectApproval}).
 */
@ApplicationScoped
public class SectorOpinionService {
  private final InstitutionRepository institutions;
  private final Outbox outbox;
  private final OversightClock clock;

  public SectorOpinionService(
      InstitutionRepository institutions, Outbox outbox, OversightClock clock) {
    this.institutions = institutions;
    this.outbox = outbox;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<ApplicationView> record(
      CommandContext command,
      String institutionId,
      IfMatch ifMatch,
      SectorOpinion opinion,
      String reason) {
    return institutions
        .findById(institutionId)
        .chain(
            found -> {
              var application = InstitutionScope.visible(command.actor(), found, institutionId);
              ifMatch.require(application.version());
              return outbox
                  .append(
                      command,
                      application.sectorOpinion(
                          opinion, reason, command.actor().subject(), clock.now()))
                  .map(v -> ApplicationView.of(application));
            });
  }
}
