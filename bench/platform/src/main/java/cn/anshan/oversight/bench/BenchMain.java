package cn.anshan.oversight.bench;

import static io.gatling.javaapi.core.CoreDsl.exec;

import cn.anshan.oversight.bench.GatlingRun.Stats;
import cn.anshan.oversight.bench.Platform.Service;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpDsl;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * bench/platform: load on the running local platform, figures beside PostgreSQL's own ceiling
 * measured in the same run. See bench/README.md.
 */
public final class BenchMain {

  /** A command measured alone: its chain, who sends it, and its transaction shape for pgbench. */
  record Single(
      String name,
      Service service,
      String shape,
      Supplier<Iterator<Map<String, Object>>> feeder,
      Supplier<ChainBuilder> prepare,
      Supplier<ChainBuilder> step) {}

  private final Options o;
  private final Platform platform;
  private final Report report = new Report();
  private final Path out;
  private World world;
  private Operations ops;

  private BenchMain(Options options) {
    this.o = options;
    this.platform = new Platform(options.portOffset);
    this.out =
        Path.of("bench/platform/target/results")
            .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    new BenchMain(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    platform.requireUp();
    Files.createDirectories(out);
    describeMachine();
    KeycloakUsers users = new KeycloakUsers(platform);
    String runId = Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
    int filers = (int) Math.ceil(o.filingsPerSecond * o.mixedSeconds) + 5;
    world =
        World.build(
            platform,
            users,
            runId,
            o.institutions,
            o.parents,
            o.phases.contains("mixed") ? filers : 0,
            Math.max(o.connections.stream().mapToInt(Integer::intValue).max().orElse(16), 16));
    ops = new Operations(world);
    Pgbench pgbench = new Pgbench(platform, out);
    if (!pgbench.available()) {
      Report.progress(
          "pgbench/pg_dump not found (PG_BIN or /usr/lib/postgresql/*/bin): no ceilings");
    } else {
      report.json.put("postgres", pgbench.serverVersion());
    }
    if (o.phases.contains("scaling")) {
      scaling(pgbench);
    }
    if (o.phases.contains("reads")) {
      reads(pgbench);
    }
    if (o.phases.contains("mixed")) {
      mixed();
    }
    if (o.phases.contains("relay-costs") && pgbench.available()) {
      relayCosts(pgbench);
    }
    String table = report.table();
    System.out.println();
    System.out.print(table);
    Files.writeString(out.resolve("table.txt"), table);
    report.write(out.resolve("bench.json"));
    Report.progress("written %s and %s", out.resolve("table.txt"), out.resolve("bench.json"));
  }

  private List<Single> singles() {
    Supplier<ChainBuilder> nothing = () -> exec(session -> session);
    return List.of(
        new Single(
            "registry: file complaint",
            Service.REGISTRY,
            "registry-complaint",
            ops::families,
            nothing,
            () -> exec(ops.fileComplaint())),
        new Single(
            "escrow: place order",
            Service.ESCROW,
            "escrow-order",
            ops::families,
            nothing,
            () -> exec(ops.placeOrder())),
        new Single(
            "enrolment: register child",
            Service.ENROLMENT,
            "enrolment-child",
            ops::families,
            nothing,
            () -> exec(ops.registerChild())),
        new Single(
            "fee-approval: amend draft",
            Service.FEE,
            "fee-amendment",
            ops::feeSchools,
            () -> exec(ops.readProposal()),
            () -> exec(ops.amendProposal())),
        new Single(
            "audit: institution timeline (GET)",
            Service.AUDIT,
            "audit-timeline",
            ops::families,
            nothing,
            () -> exec(ops.auditorTimeline())));
  }

  /** Each command alone at 1, 4, 16, 64 connections, after a warm-up; pgbench at 1 and 16. */
  private void scaling(Pgbench pgbench) throws Exception {
    for (Single s : singles()) {
      if (!s.name().contains(o.only)) {
        continue;
      }
      Map<Integer, Double> ceilings =
          s.name().contains("(GET)")
              ? readCeilings(pgbench, s.service(), s.shape())
              : ceilings(pgbench, s.service(), s.shape());
      warmUp(s.name(), s.feeder().get(), s.prepare(), s.step());
      for (int connections : o.connections) {
        Stats stats = closedLoop(s.name(), s.feeder().get(), s.prepare(), s.step(), connections);
        double ceiling = ceilings.getOrDefault(connections, ceilings.getOrDefault(16, 0.0));
        report.add(
            row(
                s.name(),
                connections + " conn",
                stats,
                ceiling,
                "pgbench "
                    + s.shape()
                    + " @"
                    + (ceilings.containsKey(connections) ? connections : 16)));
      }
    }
  }

  /** Single-row authorised GETs at 16 connections, beside the same service's health endpoint. */
  private void reads(Pgbench pgbench) throws Exception {
    record Read(String name, Service service, String shape, Supplier<ChainBuilder> step) {}
    List<Read> reads =
        List.of(
            new Read(
                "registry: public institution (GET)",
                Service.REGISTRY,
                "registry-public-institution",
                () -> exec(ops.publicInstitution())),
            new Read(
                "enrolment: own children (GET)",
                Service.ENROLMENT,
                "enrolment-children",
                () -> exec(ops.ownChildren())));
    Supplier<ChainBuilder> nothing = () -> exec(session -> session);
    for (Read r : reads) {
      if (!r.name().contains(o.only)) {
        continue;
      }
      Supplier<ChainBuilder> health =
          () ->
              exec(
                  HttpDsl.http(r.service().name + ": /q/health/live")
                      .get(platform.url(r.service()) + "/q/health/live")
                      .check(HttpDsl.status().is(200)));
      warmUp(r.name(), ops.families(), nothing, r.step());
      Stats healthStats =
          closedLoop(r.service().name + ": /q/health/live", ops.families(), nothing, health, 16);
      report.add(row(r.service().name + ": /q/health/live", "16 conn", healthStats, 0, null));
      Stats stats = closedLoop(r.name(), ops.families(), nothing, r.step(), 16);
      report.add(row(r.name(), "16 conn", stats, healthStats.perSecond(), "its /q/health/live"));
      Map<Integer, Double> ceilings = readCeilings(pgbench, r.service(), r.shape());
      if (ceilings.containsKey(16)) {
        report.add(
            new Report.Row(
                "  pgbench " + r.shape(), "16 clients", ceilings.get(16), 0, 0, 0, 0, 0, null));
      }
    }
  }

  /** The ids the read shapes look up: a bench institution, a bench parent. */
  private Map<String, String> readVariables() {
    String institution = world.institutions.get(0).id();
    return Map.of(
        "institution",
        institution,
        "entity",
        institution,
        "guardian",
        world.subject(world.parents.get(0)));
  }

  /** The open-model mix for the configured time, then the audit lag of its events. */
  private void mixed() throws Exception {
    double r = o.mixedRate;
    // commands per flow: escrow 4, enrolment 2, complaint 1, filing 4
    double escrowFlows = 0.40 * r / 4;
    double enrolFlows = 0.26 * r / 2;
    double complaints = r - 4 * escrowFlows - 2 * enrolFlows - 4 * o.filingsPerSecond;
    double reads = o.readsPerSecond;
    List<MixedSimulation.Flow> flows =
        List.of(
            new MixedSimulation.Flow(
                "family prepays and confirms a lesson (escrow, 4 commands)",
                ops.families(),
                () ->
                    Operations.steps(
                        ops.placeOrder(),
                        ops.reportPayment(),
                        ops.requestConsumption(),
                        ops.confirmConsumption()),
                escrowFlows),
            new MixedSimulation.Flow(
                "family registers and enrols a child (enrolment, 2 commands)",
                ops.families(),
                () -> Operations.steps(ops.registerChild(), ops.enrol()),
                enrolFlows),
            new MixedSimulation.Flow(
                "parent files a complaint (registry, 1 command)",
                ops.families(),
                () -> exec(ops.fileComplaint()),
                Math.max(0, complaints)),
            new MixedSimulation.Flow(
                "institution filed and approved (registry, 4 commands)",
                ops.filers(),
                ops::filing,
                o.filingsPerSecond),
            new MixedSimulation.Flow(
                "public register read",
                ops.families(),
                () -> exec(ops.publicInstitution()),
                reads * 0.4),
            new MixedSimulation.Flow(
                "published fees read",
                ops.families(),
                () -> exec(ops.publishedFees()),
                reads * 0.2),
            new MixedSimulation.Flow(
                "parent reads own orders",
                ops.families(),
                () -> exec(ops.ownOrders()),
                reads * 0.2),
            new MixedSimulation.Flow(
                "auditor reads a timeline",
                ops.families(),
                () -> exec(ops.auditorTimeline()),
                reads * 0.2));
    MixedSimulation.mix = new MixedSimulation.Mix(flows, Duration.ofSeconds(o.mixedSeconds));
    Report.progress(
        "mixed workload: %.0f commands/s offered (%.1f escrow flows/s, %.1f enrolment flows/s,"
            + " %.1f complaints/s, %.1f filings/s) + %.0f reads/s for %d s",
        r, escrowFlows, enrolFlows, complaints, o.filingsPerSecond, reads, o.mixedSeconds);
    Instant start = Instant.now();
    Map<String, Stats> stats =
        GatlingRun.run(MixedSimulation.class, out.resolve("gatling"), "mixed");
    Instant end = Instant.now();
    long commands = 0;
    long commandErrors = 0;
    long slowestP50 = 0;
    long slowestP99 = 0;
    long slowestMax = 0;
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      if (e.getKey().equals(GatlingRun.ALL)) {
        continue;
      }
      Stats s = e.getValue();
      report.add(row("mixed: " + e.getKey(), "open", s, 0, null));
      if (!e.getKey().contains("(GET)")) {
        commands += s.total();
        commandErrors += s.ko();
        slowestP50 = Math.max(slowestP50, s.p50());
        slowestP99 = Math.max(slowestP99, s.p99());
        slowestMax = Math.max(slowestMax, s.max());
      }
    }
    double seconds = Duration.between(start, end).toMillis() / 1000.0;
    Stats all = stats.get(GatlingRun.ALL);
    report.add(row("mixed: all requests", String.format("open %.0f/s", r), all, 0, null));
    // Gatling gives percentiles per request name only: the commands' row shows the slowest one's
    report.add(
        new Report.Row(
            "mixed: commands (latency: slowest command)",
            String.format("open %.0f/s", r),
            commands / (double) o.mixedSeconds,
            slowestP50,
            slowestP99,
            slowestMax,
            commandErrors,
            0,
            null));
    // the relay and the consumers drain what the last seconds wrote before the lag is read
    Thread.sleep(5_000);
    AuditLag.Lag lag = AuditLag.between(platform, start, end);
    report.add(
        new Report.Row(
            "audit lag (command commit → audit store)",
            lag.events() + " events",
            lag.events() / seconds,
            lag.p50Ms(),
            lag.p99Ms(),
            lag.maxMs(),
            0,
            0,
            null));
  }

  /**
   * What the relay's former per-event work would cost the command path (issue 13): the enrolment
   * command shape at 16 clients as it is, with a {@code NOTIFY} before its commit (PostgreSQL
   * serialises notifying commits on one queue lock), and followed by the per-row "sent" update the
   * relay used to make. The relay now numbers and marks a whole batch in one statement.
   */
  private void relayCosts(Pgbench pgbench) throws Exception {
    String shape = "enrolment-child";
    pgbench.prepare(Service.ENROLMENT);
    String scratch = Pgbench.scratch(Service.ENROLMENT);
    Map<String, UnaryOperator<String>> variants = new LinkedHashMap<>();
    variants.put("as committed today", script -> script);
    variants.put(
        "+ NOTIFY per command",
        script -> script.replace("COMMIT;", "select pg_notify('outbox_event', 'Child');\nCOMMIT;"));
    variants.put(
        "+ per-row sent update",
        script ->
            script
                .replace(
                    "values (gen_random_uuid(), 'Child'",
                    "values (md5(:client_id || '-' || :k)::uuid, 'Child'")
                .replace(
                    "COMMIT;",
                    "COMMIT;\nupdate outbox_event set sent_at = now() where id = md5(:client_id"
                        + " || '-' || :k)::uuid;"));
    double base = 0;
    for (Map.Entry<String, UnaryOperator<String>> v : variants.entrySet()) {
      Pgbench.Result r =
          pgbench.runVariant(
              scratch,
              shape,
              shape + "-" + v.getKey().replaceAll("[^a-zA-Z]+", "-"),
              v.getValue(),
              16,
              o.pgbenchSeconds);
      if (base == 0) {
        base = r.tps();
      }
      Report.progress("pgbench %s %s, 16 clients: %.0f tps", shape, v.getKey(), r.tps());
      report.add(
          new Report.Row(
              "relay cost: pgbench " + shape + " " + v.getKey(),
              "16 clients",
              r.tps(),
              0,
              0,
              0,
              0,
              base,
              "the shape as committed today"));
    }
    pgbench.dropScratch(Service.ENROLMENT);
  }

  /** pgbench of a command's shape in a scratch copy of its service's schema, at 1 and 16. */
  private Map<Integer, Double> ceilings(Pgbench pgbench, Service service, String shape)
      throws Exception {
    if (!pgbench.available() || !o.phases.contains("pgbench")) {
      return Map.of();
    }
    pgbench.prepare(service);
    Map<Integer, Double> tps = pgbenchAt(pgbench, Pgbench.scratch(service), shape, Map.of());
    pgbench.dropScratch(service);
    return tps;
  }

  /** pgbench of a read's statements on the service's own database (they change nothing). */
  private Map<Integer, Double> readCeilings(Pgbench pgbench, Service service, String shape)
      throws Exception {
    if (!pgbench.available() || !o.phases.contains("pgbench")) {
      return Map.of();
    }
    return pgbenchAt(pgbench, service.database, shape, readVariables());
  }

  private Map<Integer, Double> pgbenchAt(
      Pgbench pgbench, String database, String shape, Map<String, String> vars) throws Exception {
    Map<Integer, Double> tps = new LinkedHashMap<>();
    for (int clients : new int[] {1, 16}) {
      Pgbench.Result r = pgbench.run(database, shape, clients, o.pgbenchSeconds, vars);
      tps.put(clients, r.tps());
      Report.progress(
          "pgbench %s, %d clients: %.0f tps, %.2f ms average",
          shape, clients, r.tps(), r.latencyMs());
    }
    return tps;
  }

  private void warmUp(
      String name,
      Iterator<Map<String, Object>> feeder,
      Supplier<ChainBuilder> prepare,
      Supplier<ChainBuilder> step)
      throws Exception {
    if (o.warmupSeconds <= 0) {
      return;
    }
    Report.progress("warming up %s for %d s (16 connections, not counted)", name, o.warmupSeconds);
    CommandSimulation.plan =
        new CommandSimulation.Plan(
            "warm-up " + name,
            feeder,
            prepare,
            step,
            16,
            Duration.ofSeconds(o.warmupSeconds),
            name.startsWith("fee-approval"));
    GatlingRun.run(CommandSimulation.class, out.resolve("gatling"), "warm-up " + name);
  }

  private Stats closedLoop(
      String name,
      Iterator<Map<String, Object>> feeder,
      Supplier<ChainBuilder> prepare,
      Supplier<ChainBuilder> step,
      int connections)
      throws Exception {
    CommandSimulation.plan =
        new CommandSimulation.Plan(
            name,
            feeder,
            prepare,
            step,
            connections,
            Duration.ofSeconds(o.stepSeconds),
            name.startsWith("fee-approval"));
    Map<String, Stats> stats =
        GatlingRun.run(CommandSimulation.class, out.resolve("gatling"), name + " x" + connections);
    return stats.entrySet().stream()
        .filter(e -> e.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(stats.get(GatlingRun.ALL));
  }

  private static Report.Row row(
      String operation, String load, Stats s, double ceiling, String ceilingOf) {
    return new Report.Row(
        operation,
        load,
        s.total() == 0 ? 0 : s.perSecond() * (s.total() - s.ko()) / s.total(),
        s.p50(),
        s.p99(),
        s.max(),
        s.ko(),
        ceiling,
        ceilingOf);
  }

  private void describeMachine() throws Exception {
    var m = report.json.putObject("machine");
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put(
        "cpu",
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("?"));
    m.put(
        "memoryGiB",
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            / (1L << 30));
    m.put(
        "loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    m.put("java", System.getProperty("java.version"));
    report.json.put("started", Instant.now().toString());
    report.json.put("options", String.join(" ", o.raw));
  }

  /** Command-line options; defaults give the full run of bench/README.md. */
  static final class Options {
    List<String> raw = List.of();
    Set<String> phases = Set.of("scaling", "reads", "mixed", "pgbench", "relay-costs");
    List<Integer> connections = List.of(1, 4, 16, 64);
    int stepSeconds = 20;
    int warmupSeconds = 90;
    int mixedSeconds = 300;
    double mixedRate = 1000;
    double readsPerSecond = 200;
    double filingsPerSecond = 1;
    int pgbenchSeconds = 15;
    int parents = 150;
    int institutions = 10;
    int portOffset;
    String only = "";

    static Options parse(String[] args) {
      Options o = new Options();
      o.raw = Arrays.asList(args);
      String offset = System.getenv("OVERSIGHT_PORT_OFFSET");
      o.portOffset = offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.trim());
      for (int i = 0; i < args.length; i++) {
        String v = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--phases" -> o.phases = Set.copyOf(Arrays.asList(v.split(",")));
          case "--connections" ->
              o.connections = Arrays.stream(v.split(",")).map(Integer::parseInt).toList();
          case "--step" -> o.stepSeconds = Integer.parseInt(v);
          case "--warmup" -> o.warmupSeconds = Integer.parseInt(v);
          case "--mixed-seconds" -> o.mixedSeconds = Integer.parseInt(v);
          case "--rate" -> o.mixedRate = Double.parseDouble(v);
          case "--reads" -> o.readsPerSecond = Double.parseDouble(v);
          case "--filings" -> o.filingsPerSecond = Double.parseDouble(v);
          case "--pgbench-seconds" -> o.pgbenchSeconds = Integer.parseInt(v);
          case "--parents" -> o.parents = Integer.parseInt(v);
          case "--institutions" -> o.institutions = Integer.parseInt(v);
          case "--only" -> o.only = v;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      return o;
    }
  }
}
