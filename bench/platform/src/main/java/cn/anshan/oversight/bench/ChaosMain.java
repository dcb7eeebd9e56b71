package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.ChaosLoad.Command;
import cn.anshan.oversight.bench.Platform.Service;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * bench/chaos (issue 15 item 6): a steady load on the running local platform while every service is
 * killed with {@code kill -9}, Kafka is paused and restarted and PostgreSQL crashes, one fault at a
 * time; then {@link Reconciliation} checks that nothing acknowledged was lost or duplicated. Prints
 * {@code acked N, lost L, duplicated D, invariants ok} last and exits 1 unless that holds. See
 * bench/chaos/README.md.
 */
public final class ChaosMain {

  private record Options(
      int portOffset,
      Path state,
      boolean quick,
      int workers,
      double flowsPerSecond,
      int parents,
      Duration kafkaPause,
      Duration settle) {

    static Options parse(String[] args) {
      String offset = System.getenv().getOrDefault("OVERSIGHT_PORT_OFFSET", "0");
      String state = System.getenv().getOrDefault("OVERSIGHT_STATE", ".oversight");
      boolean quick = false;
      int workers = 4;
      double rate = 3;
      int parents = 40;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port-offset" -> offset = args[++i];
          case "--state" -> state = args[++i];
          case "--quick" -> quick = true;
          case "--workers" -> workers = Integer.parseInt(args[++i]);
          case "--rate" -> rate = Double.parseDouble(args[++i]);
          case "--parents" -> parents = Integer.parseInt(args[++i]);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + " (--quick, --workers N, --rate flows/s, --parents N, --port-offset N,"
                      + " --state DIR)");
        }
      }
      return new Options(
          Integer.parseInt(offset.trim()),
          Path.of(state).toAbsolutePath().normalize(),
          quick,
          workers,
          rate,
          parents,
          Duration.ofSeconds(quick ? 10 : 30),
          Duration.ofSeconds(quick ? 3 : 20));
    }
  }

  private ChaosMain() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Platform platform = new Platform(o.portOffset());
    platform.requireUp();
    resetTestClocks(platform);
    String runId = "c" + Long.toString(System.currentTimeMillis() / 1000 % 100_000_000L, 36);
    World world = World.build(platform, new KeycloakUsers(platform), runId, 1, o.parents(), 0, 0);

    ChaosLoad load = new ChaosLoad(world, o.workers(), o.flowsPerSecond(), Duration.ofSeconds(90));
    Faults faults = new Faults(platform, o.state(), o.kafkaPause(), o.settle());
    Instant loadStart = Instant.now();
    long t0 = System.nanoTime();
    load.start();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(
        () -> Report.progress("chaos load: %s", load.progress()), 10, 10, TimeUnit.SECONDS);
    try {
      Thread.sleep(o.settle().multipliedBy(2).toMillis());
      faults.runAll(() -> {});
    } finally {
      load.stop();
      ticker.shutdownNow();
    }
    Duration loaded = Duration.ofNanos(System.nanoTime() - t0);
    List<Command> journal = load.journal();
    Report.progress("chaos load stopped after %d s: %s", loaded.toSeconds(), load.progress());
    Reconciliation.Verdict verdict = new Reconciliation(platform).check(journal, world, loadStart);

    List<String> out = new ArrayList<>();
    out.add(
        "== chaos run %s (%s), %d s of load =="
            .formatted(runId, o.quick() ? "quick" : "full", loaded.toSeconds()));
    out.add("faults:");
    faults.log().forEach(l -> out.add("  " + l));
    out.add("commands (kind: outcome → count; retries = extra attempts with the same key):");
    Map<String, int[]> byKind = new TreeMap<>();
    for (Command c : journal) {
      int[] n = byKind.computeIfAbsent(c.kind() + " " + c.outcome(), k -> new int[2]);
      n[0]++;
      n[1] += c.attempts() - 1;
    }
    byKind.forEach((k, n) -> out.add("  %-28s %6d  (retries %d)".formatted(k, n[0], n[1])));
    journal.stream()
        .filter(c -> c.outcome() != ChaosLoad.Outcome.ACKED)
        .map(c -> c.kind() + " " + c.outcome() + ": " + c.detail())
        .distinct()
        .limit(20)
        .forEach(l -> out.add("  e.g. " + l));
    out.add("checks:");
    verdict.notes().forEach(l -> out.add("  " + l));
    verdict.problems().forEach(l -> out.add("  PROBLEM " + l));
    out.add(verdict.line());
    out.forEach(System.out::println);
    Path results =
        Path.of("bench/chaos/target")
            .resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    + ".txt");
    Files.createDirectories(results.getParent());
    Files.write(results, out);
    System.exit(verdict.ok() ? 0 : 1);
  }

  /**
   * A platform started with {@code --test-clock} (the system tests) may have its domain services'
   * clocks moved forward; a service the run restarts comes back on the real clock, so every clock
   * is set back first.
   */
  private static void resetTestClocks(Platform platform) throws Exception {
    for (Service s : List.of(Service.REGISTRY, Service.ESCROW, Service.ENROLMENT, Service.FEE)) {
      int status =
          Platform.HTTP
              .send(
                  HttpRequest.newBuilder(URI.create(platform.url(s) + "/test/clock"))
                      .DELETE()
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status == 200) {
        Report.progress("chaos: %s's test clock set back to the real time", s.name);
      }
    }
  }
}
