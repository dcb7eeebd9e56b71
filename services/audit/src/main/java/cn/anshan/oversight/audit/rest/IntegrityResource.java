package cn.anshan.oversight.audit.rest;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.service.CheckpointService;
import cn.anshan.oversight.audit.service.CheckpointService.CheckpointView;
import cn.anshan.oversight.audit.service.ExportService;
import cn.anshan.oversight.audit.service.ExportService.Export;
import cn.anshan.oversight.audit.service.LogProofs;
import cn.anshan.oversight.audit.service.RebuildService;
import cn.anshan.oversight.audit.service.VerificationService;
import cn.anshan.oversight.audit.service.VerificationService.Report;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Completeness and tamper evidence (issue 7 capabilities 4 and 5, PLT-11). */
@Cancellable(false)
@Path("/api/v1/audit")
@Tag(name = "Integrity", description = "Verification, signed checkpoints and verifiable exports")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityResource {
  private final VerificationService verification;
  private final CheckpointService checkpoints;
  private final LogProofs proofs;
  private final ExportService exports;
  private final SigningKeys keys;
  private final RebuildService rebuilds;
  private final CurrentActor actor;

  public IntegrityResource(
      VerificationService verification,
      CheckpointService checkpoints,
      LogProofs proofs,
      ExportService exports,
      SigningKeys keys,
      RebuildService rebuilds,
      CurrentActor actor) {
    this.verification = verification;
    this.checkpoints = checkpoints;
    this.proofs = proofs;
    this.exports = exports;
    this.keys = keys;
    this.rebuilds = rebuilds;
    this.actor = actor;
  }

  /** Every platform role: any authenticated caller may read the public key (issue 8). */
  private static final String[] ANY_ROLE = {
    Roles.AUDITOR,
    Roles.REGULATOR,
    Roles.INSTITUTION_OPERATOR,
    Roles.SCHOOL_ADMIN,
    Roles.PARENT,
    Roles.PRICING_OFFICER,
    Roles.CITY_GOVERNMENT,
    Roles.CUSTODY_BANK,
    Roles.SECTOR_DEPARTMENT
  };

  /**
   * The key that signs checkpoints and export manifests now, and every key that signed before a
   * rotation: save the whole answer as the key-history file the offline verifier takes.
   */
  public record PublicKey(
      String keyId, String algorithm, String publicKey, List<SigningKeys.PublishedKey> keys) {}

  @GET
  @Path("/verification")
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary = "Verify completeness and integrity (PLT-11)",
      description =
          "Gaps and duplicates of aggregate versions and producer sequences, broken links of the"
              + " per-entity and per-partition hash chains, chain heads that disagree with the"
              + " stored tail, and the event log against its signed checkpoints (signatures,"
              + " links between checkpoints, every leaf against its event, roots recomputed from"
              + " the leaves, events left out of the log)."
              + " With entityId only that aggregate (and the partition links at its events) is"
              + " checked; with source only that producer's sequence.")
  public Uni<Report> verifyAuditTrail(
      @QueryParam("entityId") String entityId, @QueryParam("source") String source) {
    actor.actingAs(Roles.AUDITOR);
    return verification.verify(blank(entityId), blank(source));
  }

  @GET
  @Path("/checkpoints/latest")
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary = "The latest signed checkpoint of the event log",
      description =
          "Keep it (it is a small JSON file): later, GET /checkpoints/consistency with its id"
              + " proves that the log still extends it, or pass its id as `since` to an export.")
  @APIResponse(
      responseCode = "200",
      description = "The latest checkpoint",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CheckpointView.class)))
  @APIResponse(responseCode = "404", description = "No checkpoint yet")
  public Uni<CheckpointView> getLatestCheckpoint() {
    actor.actingAs(Roles.AUDITOR);
    return checkpoints.latest().map(c -> ProblemException.requireFound(c, "checkpoint"));
  }

  @GET
  @Path("/checkpoints/consistency")
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary = "Prove that one checkpoint's log extends an earlier one's (RFC 9162 §2.1.4)",
      description =
          "Both checkpoints as signed and the consistency proof between them; check it offline"
              + " with `verify-export.sh --consistency answer.json keys.json kept.json`.")
  @APIResponse(
      responseCode = "200",
      description = "The proof",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LogProofs.Consistency.class)))
  @APIResponse(responseCode = "404", description = "No such checkpoint")
  @APIResponse(
      responseCode = "422",
      description = "PLT-11: `from` covers more events than `to`",
      content = @Content(mediaType = "application/problem+json"))
  public Uni<LogProofs.Consistency> proveConsistency(
      @QueryParam("from") long from, @QueryParam("to") long to) {
    actor.actingAs(Roles.AUDITOR);
    return proofs.consistency(from, to);
  }

  @GET
  @Path("/keys")
  @RolesAllowed({
    Roles.AUDITOR,
    Roles.REGULATOR,
    Roles.INSTITUTION_OPERATOR,
    Roles.SCHOOL_ADMIN,
    Roles.PARENT,
    Roles.PRICING_OFFICER,
    Roles.CITY_GOVERNMENT,
    Roles.CUSTODY_BANK,
    Roles.SECTOR_DEPARTMENT
  })
  @Operation(
      summary = "The Ed25519 public key of checkpoints and export manifests (X.509, base64)",
      description =
          "Any authenticated platform role (issue 8: only health and OpenAPI answer without a"
              + " token).")
  public PublicKey getPublicKey() {
    actor.actingAs(ANY_ROLE);
    return new PublicKey(keys.keyId(), "Ed25519", keys.publicKeyBase64(), keys.history());
  }

  @POST
  @Path("/projections/timeline/rebuild")
  @RolesAllowed(Roles.AUDIT_OPERATOR)
  @Operation(
      summary = "Drop and rebuild the timeline projection from the raw events",
      description =
          "Changes no fact: the raw table and the chains are untouched; the derived timeline rows"
              + " are emptied and derived again with the SQL ingest uses. Returns the canonical"
              + " SHA-256 of the projection before and after, which must be identical. Naturally"
              + " idempotent, so no Idempotency-Key is needed. Only the audit-operator role may"
              + " run it (auditors read, they do not maintain); it deletes and re-derives rows"
              + " in one transaction without a table lock, so ingest never waits for it.")
  public Uni<RebuildService.RebuildReport> rebuildTimelines() {
    actor.actingAs(Roles.AUDIT_OPERATOR);
    return rebuilds.rebuildTimeline();
  }

  @GET
  @Path("/exports/{entityId}")
  @RolesAllowed({Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.SCHOOL_ADMIN})
  @Operation(
      summary = "Export an entity's hash chain as NDJSON with a signed manifest",
      description =
          "Save `ndjson` and `manifest` as two files and check them offline with"
              + " `services/audit/verifier/verify-export.sh export.ndjson manifest.json"
              + " keys.json`; no database needed. Only the part of the chain that a signed"
              + " checkpoint covers is exported (a checkpoint is taken first when needed); each"
              + " line carries its inclusion proof. Several aggregate types may share an id"
              + " (the registry's Institution and escrow's Supervision and InstitutionRisk all"
              + " use the institution id): `aggregateType` selects the chain; without it an"
              + " ambiguous id answers 409 `ambiguous-entity` naming the candidate types.")
  @APIResponse(
      responseCode = "200",
      description = "The NDJSON chain and its signed manifest",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Export.class)))
  @APIResponse(responseCode = "404", description = "No such entity visible to the caller")
  @APIResponse(
      responseCode = "409",
      description =
          "ambiguous-entity: several aggregate types share the id and no aggregateType was given;"
              + " the detail names the candidates. PLT-11: no signed checkpoint covers the"
              + " entity yet (its events are still being stored); retry in a moment")
  public Uni<Export> exportEntity(
      @PathParam("entityId") String entityId,
      @Parameter(
              description =
                  "The aggregate type whose chain to export (e.g. Institution, Supervision);"
                      + " needed only when several types share the id")
          @QueryParam("aggregateType")
          String aggregateType,
      @Parameter(
              description =
                  "Id of a checkpoint the caller kept: the manifest then proves that the exported"
                      + " checkpoint extends it")
          @QueryParam("since")
          Long since) {
    return exports.export(
        actor.actingAs(
            Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.SCHOOL_ADMIN),
        entityId,
        blank(aggregateType),
        since);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
