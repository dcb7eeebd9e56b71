package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.repository.ProjectionRepository;
import cn.anshan.oversight.audit.repository.ProjectionRepository.Canonical;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Capability 7: rebuild the timeline projection from raw events and prove it unchanged. */
@ApplicationScoped
public class RebuildService {
  private final ProjectionRepository projections;

  public RebuildService(ProjectionRepository projections) {
    this.projections = projections;
  }

  public record RebuildReport(
      String projection,
      long rowsBefore,
      String hashBefore,
      long rowsRebuilt,
      String hashAfter,
      boolean identical,
      long millis) {}

  public Uni<RebuildReport> rebuildTimeline() {
    long start = System.nanoTime();
    return projections
        .canonicalTimelineHash()
        .chain(
            before -> projections.rebuildTimeline().chain(rows -> compared(before, rows, start)));
  }

  /** The rebuilt projection's hash against the one before: identical when nothing was lost. */
  private Uni<RebuildReport> compared(Canonical before, long rows, long start) {
    return projections
        .canonicalTimelineHash()
        .map(
            after ->
                new RebuildReport(
                    "timeline_entry",
                    before.rows(),
                    before.sha256(),
                    rows,
                    after.sha256(),
                    before.sha256().equals(after.sha256()),
                    (System.nanoTime() - start) / 1_000_000));
  }
}
