package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.EventLogRepository;
import cn.anshan.oversight.audit.repository.EventLogRepository.LoggedEvent;
import cn.anshan.oversight.audit.repository.EventRow;
import cn.anshan.oversight.audit.service.CheckpointService.CheckpointView;
import cn.anshan.oversight.audit.service.CheckpointService.LogNotExtended;
import cn.anshan.oversight.audit.service.LogProofs.Consistency;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exports an entity's hash chain as NDJSON with a signed manifest that the standalone verifier
 * ({@code services/audit/verifier/ExportVerifier.java}) checks without the database and without
 * trusting the service (PLT-11): every line carries its position in the event log and its RFC 9162
 * inclusion proof against a signed checkpoint, and with {@code since} the manifest carries the
 * consistency proof from a checkpoint the auditor kept. Only the part of the chain a checkpoint
 * covers is exported; a checkpoint is taken first when the entity has events not yet logged.
 */
@ApplicationScoped
public class ExportService {
  private final Pool pool;
  private final TimelineService timelines;
  private final VerificationService verification;
  private final CheckpointService checkpoints;
  private final LogProofs proofs;
  private final EventLogRepository log;
  private final SigningKeys keys;
  private final OversightClock clock;
  private final ObjectMapper mapper;

  public ExportService(
      Pool pool,
      TimelineService timelines,
      VerificationService verification,
      CheckpointService checkpoints,
      LogProofs proofs,
      EventLogRepository log,
      SigningKeys keys,
      OversightClock clock,
      ObjectMapper mapper) {
    this.pool = pool;
    this.timelines = timelines;
    this.verification = verification;
    this.checkpoints = checkpoints;
    this.proofs = proofs;
    this.log = log;
    this.keys = keys;
    this.clock = clock;
    this.mapper = mapper;
  }

  /** The two files of an export, verbatim: save each string as a file. */
  public record Export(String manifest, String ndjson) {}

  /** One exported event: the stored row, its log position and its audit path. */
  private record Line(EventRow row, long logIndex, List<String> proof) {
    Line withProof(List<String> auditPath) {
      return new Line(row, logIndex, auditPath);
    }
  }

  /** What the manifest states beside the lines. */
  private record Covered(
      List<Line> lines,
      int pending,
      CheckpointView checkpoint,
      Consistency since,
      VerificationService.Report report) {}

  public Uni<Export> export(Actor actor, String entityId) {
    return export(actor, entityId, null, null);
  }

  /**
   * Exports the chain of {@code aggregateType}/{@code entityId}; with {@code aggregateType} null
   * the id must name a single aggregate type, otherwise 409 {@code ambiguous-entity} naming the
   * candidate types (e.g. the registry's Institution and escrow's Supervision share an id). With
   * {@code sinceCheckpoint} the manifest proves the exported checkpoint extends that one.
   */
  public Uni<Export> export(
      Actor actor, String entityId, String aggregateType, Long sinceCheckpoint) {
    return timelines
        .mayRead(actor, entityId)
        .chain(() -> logPendingEvents(entityId))
        .chain(checkpoints::latest)
        .chain(
            checkpoint ->
                chain(entityId)
                    .map(all -> oneChain(all, entityId, aggregateType))
                    .invoke(rows -> wholeChainInDistrict(actor, rows, entityId))
                    .chain(rows -> cover(rows, checkpoint, sinceCheckpoint)))
        .map(this::build);
  }

  private Uni<Void> logPendingEvents(String entityId) {
    return log.hasUnlogged(entityId)
        .chain(
            pending ->
                pending
                    ? checkpoints
                        .take()
                        .replaceWithVoid()
                        .onFailure(LogNotExtended.class)
                        .recoverWithNull()
                    : Uni.createFrom().voidItem());
  }

  private static void wholeChainInDistrict(Actor actor, List<EventRow> rows, String entityId) {
    for (EventRow r : rows) {
      TimelineService.wholeEntityInDistrict(actor, r.district(), entityId);
    }
  }

  private static List<EventRow> oneChain(List<EventRow> all, String entityId, String type) {
    List<EventRow> rows =
        type == null ? all : all.stream().filter(r -> r.aggregateType().equals(type)).toList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound(
          type == null ? "entity " + entityId : "entity " + type + "/" + entityId);
    }
    List<String> candidates =
        rows.stream().map(EventRow::aggregateType).distinct().sorted().toList();
    if (candidates.size() > 1) {
      throw ProblemException.conflict(
          "ambiguous-entity",
          "several aggregate types share the id "
              + entityId
              + ": "
              + String.join(", ", candidates)
              + "; pass the query parameter aggregateType with one of them");
    }
    return rows;
  }

  /** The longest prefix of the chain that the checkpoint covers, with proofs. */
  private Uni<Covered> cover(List<EventRow> rows, CheckpointView checkpoint, Long since) {
    EventRow first = rows.get(0);
    if (checkpoint == null) {
      throw notCovered(first);
    }
    List<Line> lines = new ArrayList<>();
    Consistency[] consistency = new Consistency[1];
    return log.logged(first.aggregateType(), first.aggregateId(), checkpoint.treeSize())
        .map(logged -> coveredPrefix(rows, logged))
        .chain(
            prefix ->
                proofs
                    .inclusionProofs(
                        prefix.stream().map(Line::logIndex).toList(), checkpoint.treeSize())
                    .invoke(
                        proofs -> {
                          for (int i = 0; i < prefix.size(); i++) {
                            lines.add(prefix.get(i).withProof(proofs.get(i)));
                          }
                        }))
        .chain(() -> consistencySince(since, checkpoint))
        .invoke(c -> consistency[0] = c)
        .chain(() -> verification.verify(first.aggregateId()))
        .map(
            report ->
                new Covered(lines, rows.size() - lines.size(), checkpoint, consistency[0], report));
  }

  /** The chain's events up to the first one the checkpoint does not cover, not yet proven. */
  private static List<Line> coveredPrefix(List<EventRow> rows, List<LoggedEvent> logged) {
    Map<UUID, LoggedEvent> byId = new HashMap<>();
    logged.forEach(l -> byId.put(l.eventId(), l));
    List<Line> prefix = new ArrayList<>();
    for (EventRow row : rows) {
      LoggedEvent entry = byId.get(row.eventId());
      if (entry == null) {
        break;
      }
      prefix.add(new Line(row, entry.index(), List.of()));
    }
    if (prefix.isEmpty()) {
      throw notCovered(rows.get(0));
    }
    return prefix;
  }

  private Uni<Consistency> consistencySince(Long since, CheckpointView checkpoint) {
    return since == null ? Uni.createFrom().nullItem() : proofs.consistency(since, checkpoint.id());
  }

  private static ProblemException notCovered(EventRow first) {
    return ProblemException.rule(
        409,
        "PLT-11",
        "no signed checkpoint covers "
            + first.aggregateType()
            + "/"
            + first.aggregateId()
            + " yet; retry in a moment");
  }

  private Uni<List<EventRow>> chain(String aggregateId) {
    return pool.preparedQuery(
            "select "
                + EventRow.COLUMNS
                + " from audit_event e where e.aggregate_id = $1"
                + " order by e.aggregate_type, e.entity_seq")
        .execute(Tuple.of(aggregateId))
        .map(
            set -> {
              List<EventRow> rows = new ArrayList<>();
              for (Row row : set) {
                rows.add(EventRow.of(row));
              }
              return rows;
            });
  }

  private Export build(Covered covered) {
    String text = ndjson(covered);
    String body = manifest(covered, text, clock.now()).toString();
    String signature =
        keys.sign(Statements.exportManifest(keys.keyId(), ChainHash.sha256Hex(body)));
    return new Export(Statements.withSignature(body, signature), text);
  }

  /** One line per event: its place in the entity's chain and the log, then the event itself. */
  private String ndjson(Covered covered) {
    StringBuilder ndjson = new StringBuilder();
    for (Line line : covered.lines()) {
      EventRow row = line.row();
      ObjectNode json = mapper.createObjectNode();
      json.put("eventId", row.eventId().toString());
      json.put("logIndex", line.logIndex());
      json.put("entitySeq", row.entitySeq());
      json.put("aggregateVersion", row.aggregateVersion());
      json.put("recordedAtMicros", ChainHash.micros(row.recordedAt()));
      json.put("eventHash", row.eventHash());
      json.put("prevHash", row.entityPrevHash());
      json.put("chainHash", row.entityHash());
      line.proof().forEach(json.putArray("inclusionProof")::add);
      json.put("event", row.payload());
      ndjson.append(json.toString()).append('\n');
    }
    return ndjson.toString();
  }

  /** The manifest the signature covers; its field order is part of what is signed. */
  private ObjectNode manifest(Covered covered, String text, Instant now) {
    EventRow first = covered.lines().get(0).row();
    EventRow last = covered.lines().get(covered.lines().size() - 1).row();
    ObjectNode manifest = mapper.createObjectNode();
    manifest.put("format", Statements.EXPORT_FORMAT);
    manifest.put("aggregateType", first.aggregateType());
    manifest.put("aggregateId", first.aggregateId());
    manifest.put("exportedAt", now.toString());
    manifest.put("exportedAtMicros", ChainHash.micros(now));
    manifest.put("eventCount", covered.lines().size());
    manifest.put("pendingEvents", covered.pending());
    manifest.put("ndjsonSha256", ChainHash.sha256Hex(text));
    manifest.put("chainHead", last.entityHash());
    storeVerification(manifest.putObject("storeVerification"), covered.report());
    checkpoint(manifest.putObject("checkpoint"), covered.checkpoint());
    if (covered.since() == null) {
      manifest.putNull("consistency");
    } else {
      ObjectNode consistency = manifest.putObject("consistency");
      checkpoint(consistency.putObject("from"), covered.since().from());
      covered.since().proof().forEach(consistency.putArray("proof")::add);
    }
    manifest.put("keyId", keys.keyId());
    return manifest;
  }

  private static void storeVerification(ObjectNode store, VerificationService.Report report) {
    store.put("intact", report.intact());
    store.put("chainProblems", report.chainProblems().size());
    store.put("logProblems", report.log().problems().size());
    store.put("versionGaps", report.versionGaps().size());
    store.put("versionDuplicates", report.versionDuplicates().size());
  }

  private static void checkpoint(ObjectNode json, CheckpointView c) {
    json.put("id", c.id());
    json.put("createdAtMicros", c.createdAtMicros());
    json.put("treeSize", c.treeSize());
    json.put("rootHash", c.rootHash());
    json.put("previousHash", c.previousHash());
    json.put("keyId", c.keyId());
    json.put("signature", c.signature());
  }
}
