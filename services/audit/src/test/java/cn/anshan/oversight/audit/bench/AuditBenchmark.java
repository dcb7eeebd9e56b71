package cn.anshan.oversight.audit.bench;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.TimelineFilter;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.EventLogRepository;
import cn.anshan.oversight.audit.repository.EventStore;
import cn.anshan.oversight.audit.repository.ProjectionRepository;
import cn.anshan.oversight.audit.repository.TimelineRepository;
import cn.anshan.oversight.audit.service.CheckpointService;
import cn.anshan.oversight.audit.service.LogProofs;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * Benchmark of the audit store (issue 7), not a test: seeds N events over M entities through the
 * real ingest path ({@link EventStore}: dedupe, entity and partition chains, timeline projection),
 * then measures timeline-query latency (p50/p99), and the projection rebuild rate. Runs against an
 * embedded PostgreSQL 15 (zonky) unless {@code --jdbc} names a server. Kafka is not in the loop:
 * the batches are what one consumer poll delivers ({@code max.poll.records}). Run with {@code
 * bench/audit/run.sh}.
 */
public final class AuditBenchmark {
  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void run(String[] args) throws Exception {
    int events = intArg(args, "--events", 1_000_000);
    int entities = intArg(args, "--entities", 10_000);
    int batch = intArg(args, "--batch", 500);
    int partitions = intArg(args, "--partitions", 6);
    int workers = intArg(args, "--workers", 3);
    int queries = intArg(args, "--queries", 2_000);
    String jdbc = strArg(args, "--jdbc", null);
    String user = strArg(args, "--user", "postgres");
    String password = strArg(args, "--password", "postgres");

    EmbeddedPostgres embedded = null;
    if (jdbc == null) {
      embedded =
          EmbeddedPostgres.builder()
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("synchronous_commit", "on")
              .start();
      jdbc = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
      EmbeddedPostgres server = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (Exception ignored) {
                      // already stopped
                    }
                  }));
    }
    System.out.printf(
        "audit benchmark: %,d events over %,d entities, batch %d, %d partitions, %d ingest"
            + " workers (one per partition group, like consumer replicas)%n",
        events, entities, batch, partitions, workers);
    Flyway.configure()
        .dataSource(jdbc, user, password)
        .locations("classpath:db/kit", "classpath:db/migration")
        .placeholders(java.util.Map.of("runtime_role", user))
        .load()
        .migrate();

    Vertx vertx = Vertx.vertx();
    PgConnectOptions connect = PgConnectOptions.fromUri(jdbc.substring("jdbc:".length()));
    connect.setUser(user).setPassword(password).setCachePreparedStatements(true);
    Pool pool =
        Pool.newInstance(
            PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(Math.max(4, workers + 2)))
                .connectingTo(connect)
                .using(vertx)
                .build());
    ObjectMapper mapper = new ObjectMapper();
    EventStore store = new EventStore(pool, mapper, new OversightClock(), "audit_ingest");
    // initialise Mutiny/context propagation once, before worker threads race to do it
    pool.query("select 1").execute().await().indefinitely();

    // ---- seed: entity e gets versions 1..k in order; each partition is one ordered stream ----
    String[] ids = new String[entities];
    String[] institutions = new String[Math.max(1, entities / 10)];
    for (int i = 0; i < institutions.length; i++) {
      institutions[i] = UUID.randomUUID().toString();
    }
    for (int i = 0; i < entities; i++) {
      ids[i] = i < institutions.length ? institutions[i] : UUID.randomUUID().toString();
    }
    int perEntity = events / entities;
    List<List<EventStore.Incoming>> streams = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      streams.add(new ArrayList<>(events / partitions + 1));
    }
    long[] offsets = new long[partitions];
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    String[] types = {"Placed", "Paid", "Consumed", "Released", "Refunded"};
    for (int v = 1; v <= perEntity; v++) {
      for (int e = 0; e < entities; e++) {
        int p = Math.floorMod(ids[e].hashCode(), partitions);
        ObjectNode ev = mapper.createObjectNode();
        ev.put("specversion", "1.0");
        ev.put("id", UUID.randomUUID().toString());
        ev.put("source", "/oversight/bench-" + (e % 4));
        ev.put("type", "cn.anshan.oversight.bench." + types[v % types.length] + ".v1");
        boolean institution = e < institutions.length;
        String aggregateType = institution ? "Institution" : "Order";
        ev.put("subject", aggregateType + "/" + ids[e]);
        ev.put("time", base.plusSeconds(v * 3600L + e).toString());
        ev.put("datacontenttype", "application/json");
        ev.put("dataschema", "https://oversight.anshan.gov.cn/contracts/events/bench.json");
        ev.put("aggregatetype", aggregateType);
        ev.put("aggregateid", ids[e]);
        ev.put("aggregateversion", v);
        ev.put("sequence", 0);
        ev.put("actor", "user-" + (e % 500));
        ev.put("actorrole", "institution-operator");
        ev.put("district", e % 2 == 0 ? "tiedong" : "lishan");
        ev.put("correlationid", UUID.randomUUID().toString());
        ev.put("causationid", UUID.randomUUID().toString());
        ev.put("ruleversion", "2026.1");
        ObjectNode data = ev.putObject("data");
        data.put(institution ? "institutionId" : "orderId", ids[e]);
        if (!institution) {
          data.put("institutionId", institutions[e % institutions.length]);
        }
        data.put("amountFen", 9000 * v);
        data.put("lessonNo", v);
        streams
            .get(p)
            .add(new EventStore.Incoming("oversight.bench.events", p, offsets[p]++, ev.toString()));
      }
    }
    int total = streams.stream().mapToInt(List::size).sum();

    // ---- ingest: each worker owns whole partitions and ingests poll-sized batches in order ----
    ExecutorService pool2 = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<Integer>> done = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      done.add(
          pool2.submit(
              () -> {
                int stored = 0;
                List<List<EventStore.Incoming>> mine = new ArrayList<>();
                for (int p = worker; p < partitions; p += workers) {
                  mine.add(streams.get(p));
                }
                int[] cursor = new int[mine.size()];
                boolean more = true;
                while (more) {
                  more = false;
                  // one "poll": up to batch records across this worker's partitions
                  List<EventStore.Incoming> poll = new ArrayList<>(batch);
                  for (int i = 0; i < mine.size(); i++) {
                    List<EventStore.Incoming> s = mine.get(i);
                    int take = Math.min(batch / mine.size(), s.size() - cursor[i]);
                    poll.addAll(s.subList(cursor[i], cursor[i] + take));
                    cursor[i] += take;
                    more |= cursor[i] < s.size();
                  }
                  if (!poll.isEmpty()) {
                    stored += store.ingest(poll).await().indefinitely().stored();
                  }
                }
                return stored;
              }));
    }
    int stored = 0;
    for (Future<Integer> f : done) {
      stored += f.get();
    }
    double ingestSeconds = (System.nanoTime() - start) / 1e9;
    pool2.shutdown();
    System.out.printf(
        "ingest: %,d events stored in %.1f s = %,.0f events/s (%,d timeline rows)%n",
        stored,
        ingestSeconds,
        stored / ingestSeconds,
        count(jdbc, user, password, "timeline_entry"));

    try (Connection c = DriverManager.getConnection(jdbc, user, password);
        Statement s = c.createStatement()) {
      s.execute("vacuum analyze audit_event");
      s.execute("vacuum analyze timeline_entry");
    }

    // ---- re-delivery of a sample changes nothing ----
    List<EventStore.Incoming> again =
        streams.get(0).subList(0, Math.min(batch, streams.get(0).size()));
    EventStore.Result redelivered = store.ingest(again).await().indefinitely();
    System.out.printf(
        "re-delivery of %d events: %d stored, %d duplicates%n",
        again.size(), redelivered.stored(), redelivered.duplicates());

    // ---- event log: the first checkpoint logs every event, a later one only what is new ----
    CheckpointService signer =
        new CheckpointService(
            pool,
            new CheckpointRepository(pool),
            new EventLogRepository(pool),
            new SigningKeys(
                "MC4CAQAwBQYDK2VwBCIEIBaVNVUDoE4a+uG40OPm/PjLgZc1g97OlGiHFGaw+NNB",
                "MCowBQYDK2VwAyEAR1n8gUInB1GhDXqeNylwxEnP1+pLA+mLKs+HpsiIbYI=",
                "bench-dev-key"),
            new OversightClock(),
            null,
            null,
            new LogProofs(pool, new CheckpointRepository(pool), new EventLogRepository(pool)));
    long c0 = System.nanoTime();
    CheckpointService.CheckpointView full = signer.take().await().indefinitely();
    double fullSeconds = (System.nanoTime() - c0) / 1e9;
    long unlogged =
        count(jdbc, user, password, "audit_event") - count(jdbc, user, password, "log_leaf");
    long c1 = System.nanoTime();
    signer.take().await().indefinitely();
    double idleMillis = (System.nanoTime() - c1) / 1e6;
    System.out.printf(
        "checkpoint: first one logs %,d events (%,d left out) in %.1f s = %,.0f events/s"
            + " (%,d log rows); the next with nothing new %.1f ms%n",
        full.treeSize(),
        unlogged,
        fullSeconds,
        full.treeSize() / fullSeconds,
        count(jdbc, user, password, "log_node") + count(jdbc, user, password, "log_leaf"),
        idleMillis);

    // ---- timeline queries ----
    TimelineRepository timelines = new TimelineRepository(pool);
    Random random = new Random(7);
    TimelineFilter none = new TimelineFilter(null, null, null, null, null, null);
    long[] first = new long[queries];
    long[] institutionPages = new long[queries];
    long[] filtered = new long[queries];
    for (int q = 0; q < queries; q++) {
      String entity = ids[random.nextInt(entities)];
      long t0 = System.nanoTime();
      timelines.timeline(entity, none, null, 51).await().indefinitely();
      first[q] = System.nanoTime() - t0;

      String institution = institutions[random.nextInt(institutions.length)];
      Instant after = base.plusSeconds((1 + random.nextInt(Math.max(1, perEntity))) * 3600L);
      t0 = System.nanoTime();
      timelines
          .timeline(
              institution,
              none,
              new TimelineRepository.TimelinePosition(after, 0, new UUID(0, 0)),
              51)
          .await()
          .indefinitely();
      institutionPages[q] = System.nanoTime() - t0;

      t0 = System.nanoTime();
      timelines
          .timeline(
              institution,
              new TimelineFilter("user-" + random.nextInt(500), null, base, null, null, "tiedong"),
              null,
              51)
          .await()
          .indefinitely();
      filtered[q] = System.nanoTime() - t0;
    }
    report("timeline first page (any entity, 50 items)", first);
    report("institution timeline, keyset page deep inside (50 items)", institutionPages);
    report("institution timeline filtered by actor+district+time", filtered);

    // ---- EXPLAIN of the timeline query at this scale ----
    try (Connection c = DriverManager.getConnection(jdbc, user, password);
        Statement s = c.createStatement()) {
      String sql =
          TimelineRepository.explainTimeline()
              .replace("$1", "'" + institutions[0] + "'")
              .replace("$2", "'user-0'")
              .replace("$3", "'2026-01-02T00:00:00Z'")
              .replace("$4", "1")
              .replace("$5", "'00000000-0000-0000-0000-000000000000'");
      System.out.println("EXPLAIN (ANALYZE) institution timeline filtered by actor:");
      try (ResultSet rs = s.executeQuery("explain (analyze, costs off) " + sql)) {
        while (rs.next()) {
          System.out.println("  " + rs.getString(1));
        }
      }
      System.out.println("EXPLAIN (ANALYZE) event search by actor:");
      try (ResultSet rs =
          s.executeQuery(
              "explain (analyze, costs off) select * from audit_event e where e.actor = 'user-1'"
                  + " and e.time >= '2026-01-02' order by e.time, e.event_id limit 50")) {
        while (rs.next()) {
          System.out.println("  " + rs.getString(1));
        }
      }
    }

    // ---- rebuild ----
    ProjectionRepository projections = new ProjectionRepository(pool);
    long h0 = System.nanoTime();
    ProjectionRepository.Canonical before =
        projections.canonicalTimelineHash().await().indefinitely();
    double hashSeconds = (System.nanoTime() - h0) / 1e9;
    long r0 = System.nanoTime();
    long rebuilt = projections.rebuildTimeline().await().indefinitely();
    double rebuildSeconds = (System.nanoTime() - r0) / 1e9;
    ProjectionRepository.Canonical after =
        projections.canonicalTimelineHash().await().indefinitely();
    System.out.printf(
        "rebuild: %,d timeline rows from %,d raw events in %.1f s = %,.0f rows/s (%,.0f raw"
            + " events/s); canonical hash %.1f s; identical = %s%n",
        rebuilt,
        stored,
        rebuildSeconds,
        rebuilt / rebuildSeconds,
        stored / rebuildSeconds,
        hashSeconds,
        before.sha256().equals(after.sha256()));

    pool.close().await().indefinitely();
    vertx.close();
  }

  static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries)%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6,
        sorted.length);
  }

  static long count(String jdbc, String user, String password, String table) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc, user, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static int intArg(String[] args, String name, int fallback) {
    String value = strArg(args, name, null);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }

  static String strArg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private AuditBenchmark() {}
}
