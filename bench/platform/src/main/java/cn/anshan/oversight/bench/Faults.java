package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.Platform.Service;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The faults of the chaos run, one at a time, each followed by recovery: the platform's supervisor
 * (deploy/local) restarts what died, and the next fault waits until every service answers ready
 * again and the load has run on the healed platform for a while. Signals go to the pids the
 * launcher records in {@code <state>/run/}; PostgreSQL gets the signal {@code pg_ctl stop -m
 * immediate} sends (a crash as the database sees it: no checkpoint, recovery from WAL on restart).
 */
final class Faults {

  private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(4);

  private final Platform platform;
  private final Path state;
  private final Duration kafkaPause;
  private final Duration settle;
  private final List<String> log = new ArrayList<>();

  Faults(Platform platform, Path state, Duration kafkaPause, Duration settle) {
    this.platform = platform;
    this.state = state;
    this.kafkaPause = kafkaPause;
    this.settle = settle;
  }

  /** What happened, one line per fault (what was done, how long recovery took). */
  List<String> log() {
    return List.copyOf(log);
  }

  void runAll(Runnable afterEach) throws Exception {
    for (Service s : Service.values()) {
      killService(s);
      afterEach.run();
    }
    pauseKafka();
    afterEach.run();
    restartKafka();
    afterEach.run();
    crashPostgres();
    afterEach.run();
  }

  /** {@code kill -9} of a service; the supervisor starts it again. */
  void killService(Service s) throws Exception {
    long pid = pid(s.name);
    long t0 = System.nanoTime();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    awaitNewPid(s.name, pid);
    awaitAllReady();
    note("kill -9 %s (pid %d): ready again after %s", s.name, pid, since(t0));
    Thread.sleep(settle.toMillis());
  }

  /** SIGSTOP of the broker: producers and consumers hang, nothing is refused. */
  void pauseKafka() throws Exception {
    long pid = pid("kafka");
    signal("STOP", pid);
    try {
      Thread.sleep(kafkaPause.toMillis());
    } finally {
      signal("CONT", pid);
    }
    long t0 = System.nanoTime();
    awaitAllReady();
    note(
        "SIGSTOP kafka (pid %d) for %d s, then SIGCONT: every service ready %s later",
        pid, kafkaPause.toSeconds(), since(t0));
    Thread.sleep(settle.toMillis());
  }

  /** A controlled stop of the broker (SIGTERM); the supervisor starts it again. */
  void restartKafka() throws Exception {
    long pid = pid("kafka");
    long t0 = System.nanoTime();
    ProcessHandle.of(pid).orElseThrow().destroy();
    awaitNewPid("kafka", pid);
    await("kafka accepts connections", () -> portOpen(9092 + platform.offset()));
    awaitAllReady();
    note("stop kafka (SIGTERM, pid %d), restarted: every service ready after %s", pid, since(t0));
    Thread.sleep(settle.toMillis());
  }

  /**
   * PostgreSQL's immediate shutdown: SIGQUIT to the postmaster, which is all {@code pg_ctl stop -m
   * immediate} does (pg_ctl refuses to run as root, which these machines are). Every backend quits
   * without a checkpoint; every connection of every service breaks; the restart recovers from WAL.
   */
  void crashPostgres() throws Exception {
    Path data = state.resolve("pg");
    long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    long t0 = System.nanoTime();
    signal("QUIT", pid);
    await(
        "PostgreSQL restarted by the supervisor",
        () -> {
          try {
            long now =
                Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            return now != pid && portOpen(platform.postgresPort());
          } catch (IOException | RuntimeException e) {
            return false;
          }
        });
    awaitAllReady();
    note(
        "immediate shutdown of PostgreSQL (SIGQUIT to postmaster %d): every service ready after %s",
        pid, since(t0));
    Thread.sleep(settle.toMillis());
  }

  private long pid(String component) throws IOException {
    return Long.parseLong(Files.readString(state.resolve("run/" + component + ".pid")).trim());
  }

  private void awaitNewPid(String component, long old) throws InterruptedException {
    await(
        component + " restarted by the supervisor",
        () -> {
          try {
            long now = pid(component);
            return now != old && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false);
          } catch (IOException | NumberFormatException e) {
            return false;
          }
        });
  }

  void awaitAllReady() throws InterruptedException {
    for (Service s : Service.values()) {
      await(s.name + " ready", () -> ready(s));
    }
  }

  private boolean ready(Service s) {
    try {
      return Platform.HTTP
              .send(
                  HttpRequest.newBuilder(URI.create(platform.url(s) + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not recovered within " + RECOVERY_LIMIT + ": " + what);
      }
      Thread.sleep(250);
    }
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
    }
  }

  private static boolean portOpen(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void note(String format, Object... args) {
    String line = String.format(format, args);
    log.add(line);
    Report.progress("chaos: %s", line);
  }

  private static String since(long t0) {
    return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
  }
}
