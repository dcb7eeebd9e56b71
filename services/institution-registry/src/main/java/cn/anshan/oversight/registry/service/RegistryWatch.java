package cn.anshan.oversight.registry.service;

import cn.anshan.oversight.kit.watch.WatchDuty;
import cn.anshan.oversight.registry.service.complaint.ComplaintService;
import cn.anshan.oversight.registry.service.inspection.InspectionService;
import cn.anshan.oversight.registry.service.premises.PremisesService;
import cn.anshan.oversight.registry.service.standing.StandingService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The registry's periodic duties: undecided applications (§11 row 1), licence warnings and expiry,
 * overdue registrations (REG-05) and overdue rectifications, unanswered complaints (PLT-04) and
 * expiring premises leases (§11 row 4). On N replicas two runs may race; the outbox's unique
 * (aggregate, version) makes the loser roll back, so nothing is announced twice.
 */
@ApplicationScoped
public class RegistryWatch {
  private final ApplicationService applications;
  private final StandingService standing;
  private final InspectionService inspections;
  private final ComplaintService complaints;
  private final PremisesService premises;

  public RegistryWatch(
      ApplicationService applications,
      StandingService standing,
      InspectionService inspections,
      ComplaintService complaints,
      PremisesService premises) {
    this.applications = applications;
    this.standing = standing;
    this.inspections = inspections;
    this.complaints = complaints;
    this.premises = premises;
  }

  @Scheduled(
      every = "${oversight.registry.standing.watch-interval:1h}",
      delayed = "${oversight.registry.standing.watch-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return WatchDuty.run("application decision", applications.watch())
        .chain(() -> WatchDuty.run("licence and registration", standing.watch()))
        .chain(() -> WatchDuty.run("rectification", inspections.watch()))
        .chain(() -> WatchDuty.run("complaint answer", complaints.watch()))
        .chain(() -> WatchDuty.run("premises lease", premises.watch()));
  }
}
