package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.metrics.StoreMeters;
import cn.anshan.oversight.audit.repository.VerificationRepository;
import cn.anshan.oversight.audit.repository.VerificationRepository.ChainProblem;
import cn.anshan.oversight.audit.repository.VerificationRepository.SequenceDuplicate;
import cn.anshan.oversight.audit.repository.VerificationRepository.SequenceGap;
import cn.anshan.oversight.audit.repository.VerificationRepository.VersionDuplicate;
import cn.anshan.oversight.audit.repository.VerificationRepository.VersionGap;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code verify} report (issue 7 capabilities 4 and 5): gaps and duplicates per aggregate
 * version and per producer sequence (PLT-11), broken chain links, chain heads that disagree with
 * the stored tail, and the event log against its signed checkpoints ({@link LogVerification}).
 */
@ApplicationScoped
public class VerificationService {
  /** Rule of the completeness checks: the platform ledger must be traceable without gaps. */
  public static final String RULE = "PLT-11";

  private final VerificationRepository repository;
  private final LogVerification logs;
  private final OversightClock clock;
  private final StoreMeters meters;

  public VerificationService(
      VerificationRepository repository,
      LogVerification logs,
      OversightClock clock,
      StoreMeters meters) {
    this.repository = repository;
    this.logs = logs;
    this.clock = clock;
    this.meters = meters;
  }

  public record Report(
      boolean ok,
      String rule,
      Instant checkedAt,
      String entityId,
      long events,
      List<VersionGap> versionGaps,
      List<VersionDuplicate> versionDuplicates,
      List<SequenceGap> sequenceGaps,
      List<SequenceDuplicate> sequenceDuplicates,
      List<ChainProblem> chainProblems,
      LogVerification.LogCheck log) {

    /** Integrity only: the chains and checkpoints hold (gaps are a completeness matter). */
    public boolean intact() {
      return chainProblems.isEmpty() && log.ok();
    }
  }

  /** Collects the parts of a report; the checks run one after another on one connection each. */
  private static final class Parts {
    long count;
    List<VersionGap> gaps = List.of();
    List<VersionDuplicate> duplicates = List.of();
    List<SequenceGap> sequenceGaps = List.of();
    List<SequenceDuplicate> sequenceDuplicates = List.of();
    final List<ChainProblem> chain = new ArrayList<>();
  }

  /** Verifies the whole store, or one entity ({@code entityId} = aggregate id) when given. */
  public Uni<Report> verify(String entityId) {
    return verify(entityId, null);
  }

  /**
   * Verifies everything when both are null; with {@code entityId} the entity's versions, chain and
   * checkpointed head (and partition links at its events); with {@code source} that producer's
   * sequence.
   */
  public Uni<Report> verify(String entityId, String source) {
    Instant now = clock.now();
    Parts p = new Parts();
    boolean entities = source == null;
    boolean sequences = entityId == null;
    return (entities ? versions(entityId, p) : Uni.createFrom().voidItem())
        .chain(() -> sequences ? sequences(source, p) : Uni.createFrom().voidItem())
        .chain(() -> entities ? chains(entityId, p) : Uni.createFrom().voidItem())
        .chain(
            () ->
                entities
                    ? logs.check(entityId)
                    : Uni.createFrom().item(LogVerification.LogCheck.NOT_CHECKED))
        .map(log -> report(p, now, entityId, log))
        .invoke(report -> meters.verified(report.intact()));
  }

  /** How many events, and the aggregate versions missing or stored twice. */
  private Uni<Void> versions(String entityId, Parts p) {
    return repository
        .count(entityId)
        .invoke(c -> p.count = c)
        .chain(() -> repository.versionGaps(entityId))
        .invoke(g -> p.gaps = g)
        .chain(() -> repository.versionDuplicates(entityId))
        .invoke(d -> p.duplicates = d)
        .replaceWithVoid();
  }

  /** The producers' sequence numbers missing or stored twice. */
  private Uni<Void> sequences(String source, Parts p) {
    return repository
        .sequenceGaps(source)
        .invoke(g -> p.sequenceGaps = g)
        .chain(() -> repository.sequenceDuplicates(source))
        .invoke(d -> p.sequenceDuplicates = d)
        .replaceWithVoid();
  }

  /** Broken links of the entity and partition chains, and heads that disagree with them. */
  private Uni<Void> chains(String entityId, Parts p) {
    return repository
        .entityChainProblems(entityId)
        .invoke(p.chain::addAll)
        .chain(() -> repository.partitionChainProblems(entityId))
        .invoke(p.chain::addAll)
        .chain(() -> repository.headProblems(entityId))
        .invoke(p.chain::addAll)
        .replaceWithVoid();
  }

  private static Report report(
      Parts p, Instant now, String entityId, LogVerification.LogCheck log) {
    boolean intact =
        p.gaps.isEmpty()
            && p.duplicates.isEmpty()
            && p.sequenceGaps.isEmpty()
            && p.sequenceDuplicates.isEmpty()
            && p.chain.isEmpty()
            && log.ok();
    return new Report(
        intact,
        RULE,
        now,
        entityId,
        p.count,
        p.gaps,
        p.duplicates,
        p.sequenceGaps,
        p.sequenceDuplicates,
        p.chain,
        log);
  }
}
