package cn.anshan.oversight.platform.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15 from the zonky binaries on Central, with a persistent data directory. Creates one
 * database and one owner (user = password = database name) per service when missing.
 */
final class PostgresComponent extends Component {

  private final Collection<String> databases;
  private EmbeddedPostgres pg;

  PostgresComponent(Layout layout, Collection<String> databases) {
    super(layout, "postgres");
    this.databases = databases;
  }

  Path dataDir() {
    return layout.state().resolve("pg");
  }

  @Override
  String endpoint() {
    return "postgresql://127.0.0.1:"
        + layout.ports().postgres()
        + "  (databases "
        + String.join(", ", databases)
        + ")";
  }

  @Override
  long pid() {
    try {
      List<String> lines = Files.readAllLines(dataDir().resolve("postmaster.pid"));
      return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** The postmaster is pg_ctl's child, not ours: its pid file says whether it runs. */
  @Override
  boolean running() {
    long pid = pid();
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  protected void doStart() throws IOException, SQLException {
    boolean fresh = !Files.exists(dataDir().resolve("postgresql.conf"));
    Path log = layout.log(name);
    EmbeddedPostgres started;
    synchronized (this) {
      if (closed()) {
        throw new IllegalStateException("postgres: shutdown in progress, not starting");
      }
      releaseDeadInstance();
      started = startRetryingABusyPort(log);
      pg = started;
      markStarted();
    }
    removeZonkyShutdownHook();
    layout.writePid(name, pid());
    List<String> created = createDatabases(started);
    if (fresh || !created.isEmpty()) {
      Procs.log(
          "postgres: %s; created %s",
          fresh ? "new cluster in " + dataDir() : "existing cluster",
          created.isEmpty() ? "nothing" : String.join(", ", created));
    }
  }

  /**
   * A restart by the {@link Supervisor}: the instance whose postmaster died still holds zonky's
   * lock on the data directory in this JVM, so a new one could not take it.
   */
  private void releaseDeadInstance() {
    if (pg == null) {
      return;
    }
    try {
      pg.close(); // pg_ctl stop finds no server; the lock is released either way
    } catch (IOException e) {
      Procs.log("postgres: releasing the previous instance: %s", e);
    }
    pg = null;
  }

  /**
   * The platform's ports above 32767 lie in Linux's ephemeral range, so a client connection of any
   * process can hold the PostgreSQL port as its local port for a moment, and the bind fails
   * ("Address already in use") although the port was free when the launcher checked. Such a start
   * is tried again; any other failure is not.
   */
  private EmbeddedPostgres startRetryingABusyPort(Path log) throws IOException {
    for (int attempt = 1; ; attempt++) {
      long logged = Files.exists(log) ? Files.size(log) : 0;
      try {
        return builder(log).start();
      } catch (IOException | RuntimeException e) {
        if (attempt >= 3 || !portWasBusy(log, logged)) {
          throw e;
        }
        Procs.log(
            "postgres: port %d was taken for a moment (attempt %d); starting again",
            layout.ports().postgres(), attempt);
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean portWasBusy(Path log, long from) throws IOException {
    String tail = Files.readString(log);
    return tail.length() > from && tail.substring((int) from).contains("Address already in use");
  }

  private EmbeddedPostgres.Builder builder(Path log) {
    return EmbeddedPostgres.builder()
        .setPort(layout.ports().postgres())
        .setDataDirectory(dataDir())
        .setCleanDataDirectory(false)
        .setOverrideWorkingDirectory(layout.state().resolve("pg-bin").toFile())
        // zonky passes -F (fsync off) and synchronous_commit=off; this data is kept, so undo
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "200")
        // TCP only: no socket file outside the state folder
        .setServerConfig("unix_socket_directories", "''")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  private List<String> createDatabases(EmbeddedPostgres started) throws SQLException {
    List<String> created = new ArrayList<>();
    try (Connection c = started.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      for (String db : databases) {
        // names come from the launcher's own service table, never from input; as in
        // deploy/postgres/init.sql: the owner runs the migrations, the service connects as the
        // runtime role, which owns nothing
        String runtime = runtimeRole(db);
        for (String role : List.of(db, runtime)) {
          if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
            st.execute("create role " + role + " login password '" + role + "'");
          }
        }
        if (!exists(c, "select 1 from pg_database where datname = ?", db)) {
          st.execute("create database " + db + " owner " + db);
          st.execute("revoke all on database " + db + " from public");
          st.execute("grant connect, temporary on database " + db + " to " + runtime);
          created.add(db);
        }
      }
      // audit ingests through a role that may only read and insert its raw event table
      if (databases.contains("audit")) {
        if (!exists(c, "select 1 from pg_roles where rolname = ?", "audit_ingest")) {
          st.execute("create role audit_ingest nologin");
        }
        st.execute("grant audit_ingest to audit, " + runtimeRole("audit"));
      }
    }
    return created;
  }

  /** The role a service connects as: row privileges only, granted by its migrations. */
  static String runtimeRole(String db) {
    return db + "_app";
  }

  private static boolean exists(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * zonky registers its own shutdown hook that stops the postmaster. Hooks run concurrently, so
   * PostgreSQL would go away while the services are still draining. We stop it ourselves, last.
   * Needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (set by the wrapper); without it PG
   * merely stops a little early.
   */
  private static void removeZonkyShutdownHook() {
    try {
      Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
      Field f = hooks.getDeclaredField("hooks");
      f.setAccessible(true);
      List<Thread> zonky = new ArrayList<>();
      synchronized (hooks) {
        @SuppressWarnings("unchecked")
        Map<Thread, Thread> map = (Map<Thread, Thread>) f.get(null);
        for (Thread t : map.keySet()) {
          if (t.getName().startsWith("postgres-") && t.getName().endsWith("-closer")) {
            zonky.add(t);
          }
        }
      }
      zonky.forEach(Runtime.getRuntime()::removeShutdownHook);
    } catch (ReflectiveOperationException | RuntimeException e) {
      Procs.log("postgres: could not take over zonky's shutdown hook (%s)", e);
    }
  }

  @Override
  protected void doStop(Process ignored) {
    EmbeddedPostgres p;
    synchronized (this) {
      p = pg;
      pg = null;
    }
    if (p != null) {
      try {
        p.close(); // pg_ctl stop -m fast
      } catch (IOException e) {
        Procs.log("postgres: %s", e);
      }
    }
  }
}
