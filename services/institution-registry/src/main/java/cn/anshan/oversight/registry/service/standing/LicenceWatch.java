package cn.anshan.oversight.registry.service.standing;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs {@link StandingService#watch()} periodically. On N replicas two runs may race; the outbox's
 * unique (aggregate, version) makes the loser roll back, so nothing is announced twice.
 */
@ApplicationScoped
public class LicenceWatch {
  private final StandingService standing;

  public LicenceWatch(StandingService standing) {
    this.standing = standing;
  }

  @Scheduled(
      every = "${oversight.registry.standing.watch-interval:1h}",
      delayed = "${oversight.registry.standing.watch-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return standing
        .watch()
        .invoke(
            acted -> {
              if (acted > 0) {
                Log.infof("licence watch acted on %d institution(s)", acted);
              }
            })
        .onFailure()
        .invoke(e -> Log.warnf("licence watch failed, retrying next run: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
