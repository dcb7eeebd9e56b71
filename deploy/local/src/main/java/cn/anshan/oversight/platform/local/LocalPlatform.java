package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The local platform launcher: PostgreSQL, Kafka and Keycloak in parallel, then every packaged
 * service, each waited for until healthy. Runs in the background (started by {@code
 * deploy/local/platform up}) until SIGTERM, whose shutdown hook stops services, then Keycloak and
 * Kafka, then PostgreSQL.
 *
 * <p>Progress goes to stdout (the wrapper sends it to {@code .oversight/logs/launcher.log}); the
 * wrapper follows {@code run/launcher.state} (STARTING, READY, READY_WITH_ERRORS, FAILED, STOPPING,
 * STOPPED) and prints {@code run/ready.txt}.
 */
public final class LocalPlatform {

  private final Layout layout;
  private final PostgresComponent postgres;
  private final KafkaComponent kafka;
  private final KeycloakComponent keycloak;
  private final Portal portal;
  private final List<ServiceComponent> services = new ArrayList<>();
  private final boolean testClock;
  private final Set<String> leftOut;
  private volatile boolean stopping;

  private LocalPlatform(Layout layout, boolean testClock, Set<String> leftOut) {
    this.layout = layout;
    this.testClock = testClock;
    this.leftOut = leftOut;
    this.postgres =
        new PostgresComponent(
            layout, ServiceComponent.SPECS.stream().map(ServiceComponent.Spec::db).toList());
    this.kafka = new KafkaComponent(layout);
    this.keycloak = new KeycloakComponent(layout);
    this.portal = new Portal(layout);
  }

  public static void main(String[] args) throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    Path state = null;
    boolean testClock = false;
    Set<String> leftOut = new java.util.TreeSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
        case "--state" -> state = Path.of(args[++i]).toAbsolutePath();
        case "--test-clock" -> testClock = true;
        case "--without" -> leftOut.add(knownService(args[++i]));
        default -> {
          System.err.println(
              "usage: LocalPlatform [--repo <dir>] [--state <dir>] [--test-clock]"
                  + " [--without <service>]...");
          System.exit(2);
        }
      }
    }
    if (state == null) {
      state = repo.resolve(".oversight");
    }
    LocalPlatform platform =
        new LocalPlatform(
            Layout.create(repo.normalize(), state.normalize()), testClock, Set.copyOf(leftOut));
    int code = platform.start();
    if (code != 0) {
      System.exit(code); // the shutdown hook stops whatever did start
    }
    new CountDownLatch(1).await(); // until SIGTERM / SIGINT
  }

  private static String knownService(String name) {
    if (ServiceComponent.SPECS.stream().noneMatch(spec -> spec.name().equals(name))) {
      System.err.println(
          "--without: unknown service "
              + name
              + "; one of "
              + ServiceComponent.SPECS.stream()
                  .map(ServiceComponent.Spec::name)
                  .collect(Collectors.joining(", ")));
      System.exit(2);
    }
    return name;
  }

  private int start() {
    long t0 = System.nanoTime();
    layout.writePid("launcher", ProcessHandle.current().pid());
    setState("STARTING");
    Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "platform-shutdown"));
    Procs.log(
        "starting in %s (java %s, pid %d, port offset %d)",
        layout.state(), Runtime.version(), ProcessHandle.current().pid(), layout.ports().offset());
    if (testClock) {
      Procs.log("TEST CLOCK: the services accept /test/clock (system tests only)");
    }

    List<ServiceComponent.Spec> notBuilt = new ArrayList<>();
    for (ServiceComponent.Spec spec : ServiceComponent.SPECS) {
      Path jar = ServiceComponent.jarOf(layout, spec.name());
      if (leftOut.contains(spec.name())) {
        Procs.log("%s left out (--without): run it yourself, see `platform env`", spec.name());
      } else if (Files.isRegularFile(jar)) {
        services.add(new ServiceComponent(layout, spec, jar, testClock));
      } else {
        notBuilt.add(spec);
      }
    }
    warnAboutUnknownServices();

    String busy = busyPorts();
    if (!busy.isEmpty()) {
      return fail(
          "ports already in use: "
              + busy
              + ". Another platform (or a leftover of one) is running; try deploy/local/platform"
              + " down");
    }

    ExecutorService pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "platform-start");
              t.setDaemon(true);
              return t;
            });
    try {
      Map<Component, String> infraFailures = startAll(pool, List.of(postgres, kafka, keycloak));
      if (!infraFailures.isEmpty()) {
        return fail(
            infraFailures.entrySet().stream()
                .map(e -> e.getKey().name() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
      }
      new ServiceEnvironments(layout, testClock).write();
      Map<Component, String> serviceFailures = startAll(pool, services);
      portal.start();
      Duration total = Duration.ofNanos(System.nanoTime() - t0);
      writeReady(total, notBuilt, serviceFailures);
      superviseAll();
      setState(serviceFailures.isEmpty() ? "READY" : "READY_WITH_ERRORS");
      Procs.log("platform ready in %s", Procs.seconds(total));
      return 0;
    } finally {
      pool.shutdown();
    }
  }

  /** Starts components in parallel and waits for all of them; returns the failures. */
  private Map<Component, String> startAll(
      ExecutorService pool, List<? extends Component> components) {
    Map<Component, Future<Duration>> futures = new LinkedHashMap<>();
    for (Component c : components) {
      futures.put(c, pool.submit(c::start));
    }
    Map<Component, String> failures = new LinkedHashMap<>();
    futures.forEach(
        (c, f) -> {
          try {
            f.get();
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            Procs.log("%s FAILED: %s", c.name(), msg);
            failures.put(c, msg);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.put(c, "interrupted");
          }
        });
    return failures;
  }

  private String busyPorts() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    Ports p = layout.ports();
    ports.put(p.postgres(), "postgres");
    ports.put(p.kafka(), "kafka");
    ports.put(p.kafkaController(), "kafka controller");
    ports.put(p.keycloak(), "keycloak");
    ports.put(p.keycloakManagement(), "keycloak management");
    ports.put(p.portal(), "API portal");
    for (ServiceComponent s : services) {
      ports.put(s.port(), s.name());
    }
    return ports.entrySet().stream()
        .filter(e -> Procs.portOpen(e.getKey()))
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }

  private void warnAboutUnknownServices() {
    Set<String> known =
        ServiceComponent.SPECS.stream()
            .map(ServiceComponent.Spec::name)
            .collect(Collectors.toSet());
    Path dir = layout.repo().resolve("services");
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (!known.contains(n) && Files.isRegularFile(ServiceComponent.jarOf(layout, n))) {
          Procs.log(
              "WARNING: services/%s has a quarkus-run.jar but no entry in ServiceComponent.SPECS"
                  + " (db, port); not started",
              n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeReady(
      Duration total, List<ServiceComponent.Spec> notBuilt, Map<Component, String> failures) {
    StringBuilder sb = new StringBuilder();
    List<Component> all = new ArrayList<>(List.of(postgres, kafka, keycloak));
    all.addAll(services);
    for (Component c : all) {
      String when =
          failures.containsKey(c)
              ? "FAILED: " + failures.get(c) + " (log " + layout.log(c.name()) + ")"
              : "ready in " + Procs.seconds(c.readyAfter());
      sb.append(String.format("  %-22s %-9s %s%n", c.name(), when, c.endpoint()));
    }
    for (String name : leftOut) {
      sb.append(
          String.format(
              "  %-22s left out (--without); its environment: deploy/local/platform env %s%n",
              name, name));
    }
    for (ServiceComponent.Spec s : notBuilt) {
      sb.append(
          String.format(
              "  %-22s not built (no services/%s/target/quarkus-app/quarkus-run.jar)%n",
              s.name(), s.name()));
    }
    sb.append(String.format("  %-22s %-9s %s%n", "API portal", "", portal.endpoint()));
    sb.append(String.format("  %-22s %s%n", "all", "ready in " + Procs.seconds(total)));
    if (testClock) {
      sb.append(
          "  TEST CLOCK ENABLED: every service's time can be moved at /test/clock (system tests"
              + " only)\n");
    }
    try {
      Files.writeString(layout.run().resolve("ready.txt"), sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything that can die on its own is restarted by the {@link Supervisor}. */
  private void superviseAll() {
    List<Component> all = new ArrayList<>(List.of(postgres, kafka, keycloak));
    all.addAll(services);
    new Supervisor(all, () -> stopping).start();
  }

  private int fail(String message) {
    Procs.log("FAILED: %s", message);
    setState("FAILED " + message);
    return 1;
  }

  private void setState(String state) {
    try {
      Path tmp = layout.run().resolve("launcher.state.tmp");
      Files.writeString(tmp, state + "\n");
      Files.move(
          tmp,
          layout.run().resolve("launcher.state"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Procs.log("could not write launcher.state: %s", e);
    }
  }

  /** Shutdown hook: services, then Keycloak and Kafka together, then PostgreSQL. */
  private void shutdown() {
    String previous = readState();
    stopping = true;
    setState("STOPPING");
    long t0 = System.nanoTime();
    Procs.log("stopping (state was %s)", previous);
    portal.stop();
    stopInParallel(new ArrayList<>(services));
    stopInParallel(List.of(keycloak, kafka));
    postgres.stop();
    Procs.log("all stopped in %s", Procs.seconds(Duration.ofNanos(System.nanoTime() - t0)));
    setState(previous.startsWith("FAILED") ? previous : "STOPPED");
    layout.deletePid("launcher");
  }

  private String readState() {
    try {
      return Files.readString(layout.run().resolve("launcher.state")).trim();
    } catch (IOException e) {
      return "UNKNOWN";
    }
  }

  private static void stopInParallel(List<? extends Component> components) {
    List<Thread> threads = new ArrayList<>();
    for (Component c : components) {
      Thread t = new Thread(c::stop, "stop-" + c.name());
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(90).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
