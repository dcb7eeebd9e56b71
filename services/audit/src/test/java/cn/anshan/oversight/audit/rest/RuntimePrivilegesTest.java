package cn.anshan.oversight.audit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PLT-11, issue 16 item 1: with the audit service's own runtime credentials, PostgreSQL refuses
 * every change to what has been recorded, and every way around the append-only triggers; the
 * service can still do its job (read, append, mark a checkpoint published, rebuild the timeline).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RuntimePrivilegesTest {
  static final String INSUFFICIENT_PRIVILEGE = "42501";

  static final List<String> REFUSED =
      List.of(
          "update audit_event set payload = payload",
          "delete from audit_event",
          "truncate audit_event",
          "alter table audit_event disable trigger audit_event_no_update",
          "alter table audit_event owner to current_user",
          "drop trigger audit_event_no_update on audit_event",
          "drop table audit_event cascade",
          "update log_leaf set entity_seq = entity_seq",
          "delete from log_leaf",
          "update log_node set hash = hash",
          "delete from log_node",
          "truncate log_node",
          "truncate timeline_entry",
          "update checkpoint set signature = signature",
          "update checkpoint set merkle_root = merkle_root, tree_size = tree_size",
          "delete from checkpoint",
          "delete from rejected_record",
          "delete from entity_chain",
          "select * from flyway_schema_history",
          "delete from flyway_schema_history",
          "create table shadow_audit_event (like audit_event)",
          "create or replace function audit_event_append_only() returns trigger"
              + " language plpgsql as $$ begin return new; end $$",
          "set session_replication_role = replica",
          "create role forger login");

  @Test
  void theRuntimeRoleCannotRewriteOrUnprotectTheRecord() throws Exception {
    List<String> notRefused = new ArrayList<>();
    for (String sql : REFUSED) {
      try (Connection c = TestInfra.connectAsService();
          Statement s = c.createStatement()) {
        s.execute(sql);
        notRefused.add(sql);
      } catch (SQLException e) {
        if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          notRefused.add(
              sql + " (failed otherwise: " + e.getSQLState() + " " + e.getMessage() + ")");
        }
      }
    }
    assertEquals(List.of(), notRefused);
  }

  @Test
  void theRuntimeRoleCanStillDoItsJob() throws Exception {
    try (Connection c = TestInfra.connectAsService();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("select count(*) from audit_event");
      s.execute("select count(*) from log_node");
      s.execute("update checkpoint set published_at = published_at where id < 0");
      s.execute("update entity_chain set length = length where aggregate_id = 'none'");
      s.execute("delete from timeline_entry");
      s.execute("set local role audit_ingest");
      s.execute("select count(*) from audit_event");
      c.rollback();
    }
  }

  @Test
  void theServiceConnectsAsARoleThatOwnsNothing() {
    // what the two tests above prove only holds if the service's own login is not the owner
    assertEquals(
        List.of(),
        TestInfra.query(
            "select tablename from pg_tables where schemaname = 'public' and tableowner = ?",
            TestInfra.serviceUser()));
    assertTrue(
        TestInfra.count(
                "select count(*) from pg_tables where schemaname = 'public'"
                    + " and tablename = 'audit_event' and tableowner <> ?",
                TestInfra.serviceUser())
            == 1);
  }
}
