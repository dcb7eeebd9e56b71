package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.kit.watch.WatchDuty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The periodic duty of the enrolment service: overdue provider evaluations (ASV-06, §11 row 18). On
 * N replicas two runs may race; the outbox's unique (aggregate, version) makes the loser roll back,
 * so nothing is announced twice.
 */
@ApplicationScoped
public class EnrolmentWatch {
  private final ProviderService providers;

  public EnrolmentWatch(ProviderService providers) {
    this.providers = providers;
  }

  @Scheduled(
      every = "${oversight.enrolment.watch-interval:1h}",
      delayed = "${oversight.enrolment.watch-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return WatchDuty.run("provider evaluation", providers.watch());
  }
}
