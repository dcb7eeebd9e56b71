package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.AUDITOR;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;

import cn.anshan.oversight.clients.audit.api.IntegrityApi;
import cn.anshan.oversight.clients.audit.model.Export;
import cn.anshan.oversight.clients.audit.model.PublicKey;
import cn.anshan.oversight.clients.audit.model.Report;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.Endpoints;
import cn.anshan.oversight.system.StoryFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Issue 16: an insider holding the audit service's own database credentials tries to rewrite the
 * black-listing in the institution's history, and PostgreSQL refuses; with the schema owner's
 * credentials (kept for migrations) the rewrite goes through, and the auditor's verification and
 * the offline verifier both catch it. The step puts the event back afterwards, so the platform
 * stays as the story left it.
 */
public final class S9InsiderRewrite implements Step {
  private static final String REFUSED = "42501";

  private final Path repo;
  private final Path workDir;

  public S9InsiderRewrite(Path repo, Path workDir) {
    this.repo = repo;
    this.workDir = workDir;
  }

  @Override
  public String number() {
    return "9";
  }

  @Override
  public String title() {
    return "An insider tries to rewrite the audit trail; the database refuses, the auditor catches";
  }

  @Override
  public void run(StoryContext s) {
    String blacklisting = blacklistingEventId();
    String original = payload(blacklisting);
    String forged = original.replace("\"BLACK\"", "\"WHITE\"");
    if (forged.equals(original)) {
      throw new StoryFailure("the black-listing event does not name list status BLACK");
    }

    // with the service's runtime credentials: refused by PostgreSQL
    for (String attempt :
        new String[] {
          "update audit_event set payload = ? where event_id = ?::uuid",
          "alter table audit_event disable trigger audit_event_no_update"
        }) {
      String state = tryAs(Endpoints.AUDIT_RUNTIME_ROLE, attempt, forged, blacklisting);
      if (!REFUSED.equals(state)) {
        throw new StoryFailure(
            "the audit runtime role was not refused (" + state + "): " + attempt);
      }
      s.say().note("as " + Endpoints.AUDIT_RUNTIME_ROLE + ": \"" + attempt + "\" refused (42501)");
    }

    // with the owner's credentials: the rewrite goes through...
    rewrite(blacklisting, forged);
    s.say().note("as the schema owner: trigger disabled, the black-listing now reads WHITE");
    IntegrityApi integrity = s.clients().as(AUDITOR).showing("ok", "events").integrity();
    try {
      Report report = Clients.ok(() -> integrity.verifyAuditTrail(INSTITUTION_A, null));
      if (!Boolean.FALSE.equals(report.getOk())
          || report.getChainProblems().stream()
              .noneMatch(p -> "EVENT_HASH".equals(p.getProblem()))) {
        throw new StoryFailure("verification did not catch the rewrite: " + report);
      }
      s.say().note("the auditor's verification: ok = false, EVENT_HASH at the black-listing");
      PublicKey key = Clients.ok(integrity::getPublicKey);
      Export export = Clients.ok(() -> integrity.exportEntity(INSTITUTION_A, "Institution", null));
      String verdict =
          new OfflineVerifier(repo, workDir.resolve("tampered"))
              .verify(export.getNdjson(), export.getManifest(), key.getPublicKey());
      if (!verdict.contains("INVALID") || !verdict.contains("event hash mismatch")) {
        throw new StoryFailure("the offline verifier did not catch the rewrite: " + verdict);
      }
      s.say().note("offline verifier: " + verdict.strip().replace("\n", " | "));
    } finally {
      rewrite(blacklisting, original);
    }
    Report restored = Clients.ok(() -> integrity.verifyAuditTrail(INSTITUTION_A, null));
    if (!Boolean.TRUE.equals(restored.getOk())) {
      throw new StoryFailure("the restored history does not verify: " + restored);
    }
  }

  private static String blacklistingEventId() {
    try (Connection c = connect(Endpoints.AUDIT_RUNTIME_ROLE);
        PreparedStatement ps =
            c.prepareStatement(
                "select event_id::text from audit_event where aggregate_type = 'Institution'"
                    + " and aggregate_id = ? and type like '%.InstitutionBlacklisted.%'"
                    + " order by entity_seq desc limit 1")) {
      ps.setString(1, INSTITUTION_A);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoryFailure("audit holds no black-listing of institution A");
        }
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new StoryFailure("cannot read the audit store: " + e.getMessage());
    }
  }

  private static String payload(String eventId) {
    try (Connection c = connect(Endpoints.AUDIT_RUNTIME_ROLE);
        PreparedStatement ps =
            c.prepareStatement("select payload from audit_event where event_id = ?::uuid")) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new StoryFailure("cannot read the audit store: " + e.getMessage());
    }
  }

  /** The SQLSTATE the attempt ended with, or "ok". */
  private static String tryAs(String role, String sql, String payload, String eventId) {
    try (Connection c = connect(role);
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        ps.setString(1, payload);
        ps.setString(2, eventId);
      }
      ps.execute();
      return "ok";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private static void rewrite(String eventId, String payload) {
    try (Connection c = connect(Endpoints.AUDIT_OWNER_ROLE);
        Statement st = c.createStatement();
        PreparedStatement ps =
            c.prepareStatement("update audit_event set payload = ? where event_id = ?::uuid")) {
      c.setAutoCommit(false);
      st.execute("alter table audit_event disable trigger audit_event_no_update");
      ps.setString(1, payload);
      ps.setString(2, eventId);
      ps.executeUpdate();
      st.execute("alter table audit_event enable trigger audit_event_no_update");
      c.commit();
    } catch (SQLException e) {
      throw new StoryFailure("the owner could not rewrite the event: " + e.getMessage());
    }
  }

  private static Connection connect(String role) throws SQLException {
    // the local platform's demo credentials: password = role name (deploy/postgres/init.sql)
    return DriverManager.getConnection(Endpoints.fromEnvironment().auditDatabase(), role, role);
  }
}
