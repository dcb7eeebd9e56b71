package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.AUDITOR;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;

import cn.anshan.oversight.clients.ApiException;
import cn.anshan.oversight.clients.audit.api.IntegrityApi;
import cn.anshan.oversight.clients.audit.model.EventPage;
import cn.anshan.oversight.clients.audit.model.EventView;
import cn.anshan.oversight.clients.audit.model.Export;
import cn.anshan.oversight.clients.audit.model.PublicKey;
import cn.anshan.oversight.clients.audit.model.Report;
import cn.anshan.oversight.system.Api;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 8 step 8: the auditor reads the institution's timeline (every step above, in order), the
 * verification reports no gaps (PLT-11), and an export passes the standalone verifier ({@code
 * services/audit/verifier/ExportVerifier.java}, run as its own JVM) with the published key.
 */
public final class S8AuditorsView implements Step {

  /** Registry events of the institution that the story caused, in the order they happened. */
  static final List<String> EXPECTED_IN_ORDER =
      List.of(
          "InstitutionApplied",
          "ApplicationApproved",
          "LicenceIssued",
          "RegistrationFiled",
          "InstitutionWhitelisted",
          "SanctionImposed",
          "InstitutionBlacklisted");

  private final Path repo;
  private final Path workDir;

  /**
   * @param repo the repository root (for the verifier's source file)
   * @param workDir where the export's two files are written
   */
  public S8AuditorsView(Path repo, Path workDir) {
    this.repo = repo;
    this.workDir = workDir;
  }

  @Override
  public String number() {
    return "8";
  }

  @Override
  public String title() {
    return "The auditor reads the timeline, verifies it, and checks an export offline";
  }

  @Override
  public void run(StoryContext s) {
    String audit = s.urls().audit() + "/api/v1/audit";
    String timeline = audit + "/timelines/" + INSTITUTION_A;
    List<EventView> events = new ArrayList<>();
    s.await(
        "audit has ingested the black-listing",
        () -> {
          events.clear();
          events.addAll(readAll(s, INSTITUTION_A));
          return events.stream().anyMatch(e -> e.getType().endsWith("InstitutionBlacklisted.v1"));
        });
    s.say().call(AUDITOR, "GET", timeline, 200, events.size() + " events");
    List<String> types = new ArrayList<>();
    for (EventView e : events) {
      String type = e.getType().replaceFirst("^cn\\.anshan\\.oversight\\.", "");
      types.add(type);
      s.say()
          .note(
              String.format(
                  "%-24s %-48s v%-3s %-20s %s",
                  e.getTime(), type, e.getAggregateVersion(), e.getActorRole(), e.getRelation()));
    }
    int at = -1;
    for (String expected : EXPECTED_IN_ORDER) {
      int found = -1;
      for (int i = at + 1; i < types.size(); i++) {
        if (types.get(i).contains("." + expected + ".")) {
          found = i;
          break;
        }
      }
      if (found < 0) {
        throw new StoryFailure(
            "the timeline lacks " + expected + " after position " + at + ": " + types);
      }
      at = found;
    }
    // the auditor checks and exports through the generated audit client (issue 19 item 2)
    IntegrityApi integrity =
        s.clients().as(AUDITOR).showing("ok", "events", "rule", "keyId", "algorithm").integrity();
    Report report = Clients.ok(() -> integrity.verifyAuditTrail(INSTITUTION_A, null));
    if (!Boolean.TRUE.equals(report.getOk())) {
      throw new StoryFailure("verification found problems: " + report);
    }
    PublicKey key = Clients.ok(integrity::getPublicKey);
    // the institution id also keys escrow's Supervision chain, so the export names the registry's
    s.await(
        "a signed checkpoint covers the institution's chain",
        () -> covered(quietExport(s, INSTITUTION_A, "Institution")));
    Export export = Clients.ok(() -> integrity.exportEntity(INSTITUTION_A, "Institution", null));
    verified(s, "Institution " + INSTITUTION_A, export, key);
    String order = s.id("order1");
    // audit signs a checkpoint over all chain heads every AUDIT_CHECKPOINT_INTERVAL (10 min by
    // default; the system tests set 5 s): wait until one covers the order so the verifier checks
    // the Merkle inclusion too
    s.await(
        "a signed checkpoint covers the order's chain", () -> covered(quietExport(s, order, null)));
    Export orderExport = Clients.ok(() -> integrity.exportEntity(order, null, null));
    verified(s, "parent-1's order " + order, orderExport, key);
  }

  /**
   * The export while the story waits for a checkpoint: journaled, not narrated; null if refused.
   */
  private static Export quietExport(StoryContext s, String entityId, String aggregateType) {
    try {
      return s.clients()
          .as(AUDITOR)
          .quietly()
          .integrity()
          .exportEntity(entityId, aggregateType, null);
    } catch (ApiException e) {
      return null;
    }
  }

  private static boolean covered(Export export) {
    if (export == null) {
      return false;
    }
    try {
      JsonNode cp = Api.JSON.readTree(export.getManifest()).path("checkpoint");
      return !cp.isMissingNode() && !cp.isNull();
    } catch (IOException e) {
      return false;
    }
  }

  private void verified(StoryContext s, String what, Export export, PublicKey key) {
    String verdict =
        new OfflineVerifier(repo, workDir)
            .verify(export.getNdjson(), export.getManifest(), key.getPublicKey());
    s.say()
        .note(
            "standalone verifier on the export of "
                + what
                + ": "
                + verdict.strip().replace("\n", " | "));
    if (!verdict.lines().anyMatch(l -> l.equals("VALID")) || verdict.contains("(exit ")) {
      throw new StoryFailure(
          "the export of " + what + " did not pass the standalone verifier: " + verdict);
    }
  }

  /** The whole timeline, page by page, through the generated audit client (quietly: polled). */
  private static List<EventView> readAll(StoryContext s, String entityId) {
    List<EventView> all = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 50; page++) {
      String after = cursor;
      EventPage one;
      try {
        one =
            s.clients()
                .as(AUDITOR)
                .quietly()
                .timelines()
                .getTimeline(entityId, null, null, after, null, null, 100, null, null);
      } catch (ApiException e) {
        return all;
      }
      all.addAll(one.getItems());
      cursor = one.getNextCursor();
      if (cursor == null || cursor.isEmpty()) {
        break;
      }
    }
    return all;
  }
}
