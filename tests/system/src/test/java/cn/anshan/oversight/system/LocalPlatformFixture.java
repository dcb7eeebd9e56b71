package cn.anshan.oversight.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the local platform once for the whole module, the way the README does ({@code
 * deploy/local/platform up --no-build}), with its own state folder under {@code target/} and a
 * fresh PostgreSQL and Kafka every run (Keycloak's unpacked dist is kept between runs of the same
 * target folder). Stops it ({@code platform down}) when the root extension context closes, and from
 * a JVM shutdown hook if the run is interrupted.
 *
 * <p>Two launcher options only the system tests use: {@code --port-offset} (the pom's {@code
 * OVERSIGHT_PORT_OFFSET}, 2000: PostgreSQL 57432, Kafka 11092/11093, Keycloak 10180/11180, services
 * 10081–10085), so the suite runs beside a developer's platform on the default ports — when one of
 * its own ports is taken it fails at once and says so; and {@code --test-clock}, so the story can
 * cross working-day windows (REL-02, REL-05) by moving the services' clocks.
 */
public final class LocalPlatformFixture implements BeforeAllCallback {

  private static final int[] DEFAULT_PORTS = {
    55432, 9092, 9093, 8180, 9180, 8081, 8082, 8083, 8084, 8085, 8090
  };

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Running.class, k -> Running.start(), Running.class);
  }

  /** The repository the platform's launcher and scripts are run from. */
  static Path repo() {
    return Path.of(System.getProperty("oversight.repo", "../..")).toAbsolutePath().normalize();
  }

  /** The platform's state folder ({@code OVERSIGHT_STATE}): pids, logs, data. */
  static Path state() {
    return Path.of(System.getProperty("system.platform.state", "target/platform"))
        .toAbsolutePath()
        .normalize();
  }

  /** Maven runs a script makes while this build runs take a lock of their own (see below). */
  static Path mavenLock() {
    return state().resolveSibling("platform-mvn.lock");
  }

  /** The running platform; closed by JUnit at the end of the run. */
  static final class Running implements AutoCloseable {
    private final Path repo;
    private final Path state;
    private final Thread hook;
    private volatile boolean closed;

    private Running(Path repo, Path state) {
      this.repo = repo;
      this.state = state;
      this.hook = new Thread(this::down, "platform-down");
    }

    static Running start() {
      Running r = new Running(repo(), state());
      r.up();
      return r;
    }

    private void up() {
      Instant t0 = Instant.now();
      run(List.of("down"), Duration.ofMinutes(3)); // a killed earlier run's leftovers
      List<String> busy = new ArrayList<>();
      for (int p : DEFAULT_PORTS) {
        if (open(p + offset())) {
          busy.add(Integer.toString(p + offset()));
        }
      }
      if (!busy.isEmpty()) {
        throw new IllegalStateException(
            "ports of the local platform are taken ("
                + String.join(", ", busy)
                + "): another platform runs on this machine with port offset "
                + offset()
                + " (set -Dsystem.port-offset=N for another offset)");
      }
      try {
        deleteTree(state.resolve("pg"));
        deleteTree(state.resolve("kafka"));
      } catch (IOException e) {
        throw new IllegalStateException("cannot reset " + state, e);
      }
      Runtime.getRuntime().addShutdownHook(hook);
      int code =
          run(
              List.of(
                  "up", "--no-build", "--port-offset", Integer.toString(offset()), "--test-clock"),
              Duration.ofMinutes(20));
      String word = stateWord();
      System.out.printf(
          "[system-tests] platform %s (exit %d) in %d s; state %s%n",
          word, code, Duration.between(t0, Instant.now()).toSeconds(), state);
      printReady();
      if (!word.startsWith("READY")) {
        down();
        throw new IllegalStateException(
            "the platform did not start (" + word + "); see " + state.resolve("logs"));
      }
      // READY_WITH_ERRORS: a service did not come up; the steps that need it fail and say which
    }

    private void printReady() {
      try {
        Path ready = state.resolve("run/ready.txt");
        if (Files.exists(ready)) {
          System.out.print(Files.readString(ready));
        }
      } catch (IOException e) {
        // informative only
      }
    }

    private String stateWord() {
      try {
        return Files.readString(state.resolve("run/launcher.state")).trim();
      } catch (IOException e) {
        return "UNKNOWN";
      }
    }

    private synchronized void down() {
      if (closed) {
        return;
      }
      closed = true;
      run(List.of("down"), Duration.ofMinutes(5));
    }

    @Override
    public void close() {
      down();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }

    private int run(List<String> args, Duration limit) {
      List<String> cmd = new ArrayList<>();
      cmd.add(repo.resolve("deploy/local/platform").toString());
      cmd.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile());
      Map<String, String> env = pb.environment();
      env.put("OVERSIGHT_STATE", state.toString());
      env.put("OVERSIGHT_PORT_OFFSET", Integer.toString(offset()));
      // the build that runs these tests may hold /tmp/mvn.lock: the wrapper's own Maven runs
      // (launcher classpath, Keycloak unpack) take a lock of their own
      env.put("OVERSIGHT_MVN_LOCK", mavenLock().toString());
      if (args.get(0).equals("up")) {
        systemTestSettings(env);
      }
      pb.redirectErrorStream(true);
      try {
        Files.createDirectories(state);
        Path log = state.resolveSibling("platform-" + args.get(0) + ".log");
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("platform " + args + " did not finish; see " + log);
        }
        System.out.println(
            "[system-tests] platform "
                + String.join(" ", args)
                + " → exit "
                + p.exitValue()
                + " (output in "
                + log
                + ")");
        return p.exitValue();
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + cmd, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    /**
     * Settings the launcher's services inherit: shorter periods for the scheduled duties the story
     * waits for, and an audit signing key — the packaged audit service has none outside %dev/%test
     * — a fresh Ed25519 pair per run unless the environment already has one.
     */
    private static void systemTestSettings(Map<String, String> env) {
      // a signed checkpoint every 5 s instead of 10 min, so step 8's export is covered by one
      env.putIfAbsent("AUDIT_CHECKPOINT_INTERVAL", "5s");
      // escrow's periodic duties (REL-02, REL-05) every 2 s instead of hourly, so a move of the
      // test clock is acted on at once
      env.putIfAbsent("OVERSIGHT_ESCROW_WATCH_INTERVAL", "2s");
      // every request of the suites comes from one address; the public register's per-address
      // limit (120/min, tested in the registry's PublicRegisterTest) would refuse the matrix
      env.putIfAbsent("PUBLIC_READS_PER_MINUTE", "1000000");
      if (env.containsKey("AUDIT_SIGNING_PRIVATE_KEY")) {
        return;
      }
      try {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        env.put(
            "AUDIT_SIGNING_PRIVATE_KEY",
            Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        env.put(
            "AUDIT_SIGNING_PUBLIC_KEY",
            Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        env.put("AUDIT_SIGNING_KEY_ID", "system-tests");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static int offset() {
      return Endpoints.portOffset();
    }

    private static boolean open(int port) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 300);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
