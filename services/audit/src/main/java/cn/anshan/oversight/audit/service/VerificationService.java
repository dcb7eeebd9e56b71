package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.Merkle;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.ChainHead;
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
 * the stored tail, and whether the latest signed checkpoint still matches the chains.
 */
@ApplicationScoped
public class VerificationService {
  /** Rule of the completeness checks: the platform ledger must be traceable without gaps. */
  public static final String RULE = "PLT-11";

  private final VerificationRepository repository;
  private final CheckpointRepository checkpoints;
  private final SigningKeys keys;
  private final OversightClock clock;

  public VerificationService(
      VerificationRepository repository,
      CheckpointRepository checkpoints,
      SigningKeys keys,
      OversightClock clock) {
    this.repository = repository;
    this.checkpoints = checkpoints;
    this.keys = keys;
    this.clock = clock;
  }

  public record CheckpointCheck(
      Long checkpointId, boolean signatureValid, boolean rootValid, List<String> headMismatches) {
    boolean ok() {
      return checkpointId == null || (signatureValid && rootValid && headMismatches.isEmpty());
    }
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
      CheckpointCheck checkpoint) {

    /** Integrity only: the chains and checkpoints hold (gaps are a completeness matter). */
    public boolean intact() {
      return chainProblems.isEmpty() && checkpoint.ok();
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
    return Uni.createFrom()
        .voidItem()
        .chain(() -> entities ? repository.count(entityId) : Uni.createFrom().item(0L))
        .invoke(c -> p.count = c)
        .chain(
            () ->
                entities
                    ? repository.versionGaps(entityId)
                    : Uni.createFrom().item(List.<VersionGap>of()))
        .invoke(g -> p.gaps = g)
        .chain(
            () ->
                entities
                    ? repository.versionDuplicates(entityId)
                    : Uni.createFrom().item(List.<VersionDuplicate>of()))
        .invoke(d -> p.duplicates = d)
        .chain(
            () ->
                sequences
                    ? repository.sequenceGaps(source)
                    : Uni.createFrom().item(List.<SequenceGap>of()))
        .invoke(g -> p.sequenceGaps = g)
        .chain(
            () ->
                sequences
                    ? repository.sequenceDuplicates(source)
                    : Uni.createFrom().item(List.<SequenceDuplicate>of()))
        .invoke(d -> p.sequenceDuplicates = d)
        .chain(
            () ->
                entities
                    ? repository
                        .entityChainProblems(entityId)
                        .invoke(p.chain::addAll)
                        .chain(() -> repository.partitionChainProblems(entityId))
                        .invoke(p.chain::addAll)
                        .chain(() -> repository.headProblems(entityId))
                        .invoke(p.chain::addAll)
                        .replaceWithVoid()
                    : Uni.createFrom().voidItem())
        .chain(() -> checkpoint(entityId, entities))
        .map(
            cp ->
                new Report(
                    p.gaps.isEmpty()
                        && p.duplicates.isEmpty()
                        && p.sequenceGaps.isEmpty()
                        && p.sequenceDuplicates.isEmpty()
                        && p.chain.isEmpty()
                        && cp.ok(),
                    RULE,
                    now,
                    entityId,
                    p.count,
                    p.gaps,
                    p.duplicates,
                    p.sequenceGaps,
                    p.sequenceDuplicates,
                    p.chain,
                    cp));
  }

  /** The latest checkpoint: signature, Merkle root over its stored heads, heads vs chains. */
  Uni<CheckpointCheck> checkpoint(String entityId, boolean withHeads) {
    return checkpoints
        .latest()
        .chain(
            latest -> {
              if (latest == null) {
                return Uni.createFrom().item(new CheckpointCheck(null, true, true, List.of()));
              }
              boolean signature =
                  keys.verify(CheckpointService.statement(latest), latest.signature());
              return checkpoints
                  .heads(latest.id())
                  .chain(
                      heads -> {
                        String root =
                            Merkle.root(
                                heads.stream().map(ChainHead::head).map(h -> h.leaf()).toList());
                        boolean rootValid =
                            root.equals(latest.root()) && heads.size() == latest.chainCount();
                        Uni<List<String>> mismatched =
                            withHeads
                                ? checkpoints.mismatchedHeads(latest.id(), entityId)
                                : Uni.createFrom().item(List.<String>of());
                        return mismatched.map(
                            keys -> new CheckpointCheck(latest.id(), signature, rootValid, keys));
                      });
            });
  }
}
