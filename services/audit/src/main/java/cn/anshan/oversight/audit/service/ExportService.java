package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.domain.Merkle;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.ChainHead;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.audit.repository.EventRow;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports an entity's hash chain as NDJSON with a signed manifest (issue 7 capability 5) that the
 * standalone verifier ({@code services/audit/verifier/ExportVerifier.java}) checks without the
 * database: every line's hash and link, the file digest, the manifest signature, and the inclusion
 * of the chain head in the latest signed checkpoint (Merkle proof).
 */
@ApplicationScoped
public class ExportService {
  private final Pool pool;
  private final TimelineService timelines;
  private final VerificationService verification;
  private final CheckpointRepository checkpoints;
  private final SigningKeys keys;
  private final OversightClock clock;
  private final ObjectMapper mapper;

  public ExportService(
      Pool pool,
      TimelineService timelines,
      VerificationService verification,
      CheckpointRepository checkpoints,
      SigningKeys keys,
      OversightClock clock,
      ObjectMapper mapper) {
    this.pool = pool;
    this.timelines = timelines;
    this.verification = verification;
    this.checkpoints = checkpoints;
    this.keys = keys;
    this.clock = clock;
    this.mapper = mapper;
  }

  /** The two files of an export, verbatim: save each string as a file. */
  public record Export(String manifest, String ndjson) {}

  public Uni<Export> export(Actor actor, String entityId) {
    return export(actor, entityId, null);
  }

  /**
   * Exports the chain of {@code aggregateType}/{@code entityId}; with {@code aggregateType} null
   * the id must name a single aggregate type, otherwise 409 {@code ambiguous-entity} naming the
   * candidate types (e.g. the registry's Institution and escrow's Supervision share an id).
   */
  public Uni<Export> export(Actor actor, String entityId, String aggregateType) {
    return timelines
        .mayRead(actor, entityId)
        .chain(() -> chain(entityId))
        .chain(
            all -> {
              List<EventRow> rows =
                  aggregateType == null
                      ? all
                      : all.stream().filter(r -> r.aggregateType().equals(aggregateType)).toList();
              if (rows.isEmpty()) {
                throw ProblemException.notFound(
                    aggregateType == null
                        ? "entity " + entityId
                        : "entity " + aggregateType + "/" + entityId);
              }
              String type = rows.get(0).aggregateType();
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
              return verification
                  .verify(entityId)
                  .chain(
                      report ->
                          checkpoints
                              .latestCovering(type, entityId)
                              .chain(
                                  cp ->
                                      cp == null
                                          ? Uni.createFrom().item(build(rows, report, null, null))
                                          : checkpoints
                                              .heads(cp.id())
                                              .map(heads -> build(rows, report, cp, heads))));
            });
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

  private Export build(
      List<EventRow> rows,
      VerificationService.Report report,
      Stored checkpoint,
      List<ChainHead> heads) {
    StringBuilder ndjson = new StringBuilder();
    for (EventRow row : rows) {
      ObjectNode line = mapper.createObjectNode();
      line.put("entitySeq", row.entitySeq());
      line.put("aggregateVersion", row.aggregateVersion());
      line.put("recordedAtMicros", ChainHash.micros(row.recordedAt()));
      line.put("eventHash", row.eventHash());
      line.put("prevHash", row.entityPrevHash());
      line.put("chainHash", row.entityHash());
      line.put("event", row.payload());
      ndjson.append(line.toString()).append('\n');
    }
    String text = ndjson.toString();
    EventRow first = rows.get(0);
    EventRow last = rows.get(rows.size() - 1);
    Instant now = clock.now();
    String digest = ChainHash.sha256Hex(text);

    ObjectNode manifest = mapper.createObjectNode();
    manifest.put("format", Statements.EXPORT_FORMAT);
    manifest.put("aggregateType", first.aggregateType());
    manifest.put("aggregateId", first.aggregateId());
    manifest.put("exportedAt", now.toString());
    manifest.put("exportedAtMicros", ChainHash.micros(now));
    manifest.put("eventCount", rows.size());
    manifest.put("ndjsonSha256", digest);
    manifest.put("chainHead", last.entityHash());
    ObjectNode store = manifest.putObject("storeVerification");
    store.put("intact", report.intact());
    store.put("chainProblems", report.chainProblems().size());
    store.put("checkpointOk", report.checkpoint().ok());
    store.put("versionGaps", report.versionGaps().size());
    store.put("versionDuplicates", report.versionDuplicates().size());
    if (checkpoint == null) {
      manifest.putNull("checkpoint");
    } else {
      ObjectNode cp = manifest.putObject("checkpoint");
      cp.put("id", checkpoint.id());
      cp.put("createdAt", checkpoint.createdAt().toString());
      cp.put("createdAtMicros", ChainHash.micros(checkpoint.createdAt()));
      cp.put("chainCount", checkpoint.chainCount());
      cp.put("eventCount", checkpoint.eventCount());
      cp.put("merkleRoot", checkpoint.root());
      cp.put("keyId", checkpoint.keyId());
      cp.put("signature", checkpoint.signature());
      String key = "entity/" + first.aggregateType() + "/" + first.aggregateId();
      int index = -1;
      for (int i = 0; i < heads.size(); i++) {
        if (heads.get(i).key().equals(key)) {
          index = i;
        }
      }
      ChainHead head = heads.get(index);
      ObjectNode leaf = cp.putObject("leaf");
      leaf.put("key", key);
      leaf.put("length", head.length());
      leaf.put("head", head.hash());
      ArrayNode proof = cp.putArray("proof");
      for (Merkle.Step step :
          Merkle.proof(heads.stream().map(h -> h.head().leaf()).toList(), index)) {
        ObjectNode s = proof.addObject();
        s.put("left", step.left());
        s.put("hash", step.hash());
      }
    }
    manifest.put("keyId", keys.keyId());
    manifest.put("publicKey", keys.publicKeyBase64());
    String body = manifest.toString();
    String signature = keys.sign(Statements.exportManifest(ChainHash.sha256Hex(body)));
    return new Export(Statements.withSignature(body, signature), text);
  }
}
