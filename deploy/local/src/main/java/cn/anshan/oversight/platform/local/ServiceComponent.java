package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) as a child JVM. */
final class ServiceComponent extends Component {

  /** Service directory name, its database (= user = password) and its default HTTP port. */
  record Spec(String name, String db, int port) {}

  static final List<Spec> SPECS =
      List.of(
          new Spec("institution-registry", "registry", 8081),
          new Spec("escrow-monitor", "escrow", 8082),
          new Spec("enrolment", "enrolment", 8083),
          new Spec("fee-approval", "fee", 8084),
          new Spec("audit", "audit", 8085));

  private final Spec spec;
  private final Path jar;
  private final boolean testClock;

  ServiceComponent(Layout layout, Spec spec, Path jar, boolean testClock) {
    super(layout, spec.name());
    this.spec = spec;
    this.jar = jar;
    this.testClock = testClock;
  }

  static Path jarOf(Layout layout, String service) {
    return layout
        .repo()
        .resolve("services")
        .resolve(service)
        .resolve("target/quarkus-app/quarkus-run.jar");
  }

  int port() {
    return layout.ports().service(spec.port());
  }

  String baseUrl() {
    return "http://localhost:" + port();
  }

  @Override
  String endpoint() {
    return baseUrl() + "  (OpenAPI " + baseUrl() + "/q/openapi)";
  }

  /** The environment contract between the platform and every service (docker-compose too). */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_HOST", "127.0.0.1");
    Ports ports = layout.ports();
    env.put("DB_PORT", Integer.toString(ports.postgres()));
    env.put("DB_NAME", spec.db());
    env.put("DB_USER", PostgresComponent.runtimeRole(spec.db()));
    env.put("DB_PASSWORD", PostgresComponent.runtimeRole(spec.db()));
    env.put("DB_OWNER_USER", spec.db());
    env.put("DB_OWNER_PASSWORD", spec.db());
    env.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
    env.putAll(KafkaCredentials.of(layout).environment(spec.name()));
    env.put("OIDC_URL", ports.realmUrl());
    env.put("OIDC_ISSUER", ports.realmUrl());
    // the OAuth2 flows the OpenAPI document names, so Swagger UI's Authorize signs in here
    env.put("OPENAPI_REALM_URL", ports.realmUrl());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port()));
    // only --test-clock enables it, whatever the launcher's own environment says
    env.put("OVERSIGHT_TEST_CLOCK_ENABLED", Boolean.toString(testClock));
    // a producer heartbeat a minute instead of every 5 min: audit shows a lost tail sooner
    env.put(
        "OUTBOX_HEARTBEAT_INTERVAL",
        System.getenv().getOrDefault("OUTBOX_HEARTBEAT_INTERVAL", "60s"));
    if (spec.name().equals("institution-registry")) {
      env.putAll(StaffIdHashKey.environment(layout));
    }
    if (spec.name().equals("audit")) {
      env.putAll(AuditSigningKey.environment(layout));
      // a signed checkpoint every 30 s instead of 10 min: on a local platform an export made a
      // minute after the events (the guided demo's step 8) is already covered by one
      env.put(
          "AUDIT_CHECKPOINT_INTERVAL",
          System.getenv().getOrDefault("AUDIT_CHECKPOINT_INTERVAL", "30s"));
    }
    return env;
  }

  @Override
  protected void doStart() throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(layout.javaBin());
    String opts = System.getenv().getOrDefault("OVERSIGHT_SERVICE_JAVA_OPTS", "-Xmx384m");
    for (String o : opts.trim().split("\\s+")) {
      if (!o.isEmpty()) {
        cmd.add(o);
      }
    }
    cmd.add("-Djava.io.tmpdir=" + layout.tmp());
    // marks the process as ours (platform down checks the command line before signalling a pid)
    cmd.add("-Doversight.state=" + layout.state());
    cmd.add("-jar");
    cmd.add(jar.toString());
    Path log = layout.log(name);
    Process p = spawn(cmd, jar.getParent().getParent().getParent(), environment(), log);
    String health = baseUrl() + "/q/health/ready";
    Procs.await(name, p, Duration.ofSeconds(180), log, () -> Procs.httpStatus(health) == 200);
  }

  @Override
  protected void doStop(Process p) {
    if (p != null) {
      Procs.terminateTree(name, p.toHandle(), Duration.ofSeconds(20));
    }
  }
}
