package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from the keycloak-quarkus-dist zip (unpacked by the wrapper), {@code kc.sh start-dev}
 * with the committed realm imported. Dev mode keeps its H2 database under the dist's data/ folder.
 */
final class KeycloakComponent extends Component {

  /**
   * Never change the build-time options between runs (--health-enabled, --features, --db, ...):
   * options that differ from the last run make Keycloak re-augment itself (~25 s). Ports and
   * hostname are runtime options. --hostname pins the token issuer to http://localhost:&lt;port&gt;
   * whatever address a client used.
   */
  private List<String> flags() {
    Ports ports = layout.ports();
    return List.of(
        "start-dev",
        "--http-port=" + ports.keycloak(),
        "--http-management-port=" + ports.keycloakManagement(),
        "--health-enabled=true",
        "--hostname=" + ports.keycloakBase(),
        "--import-realm");
  }

  private volatile boolean reaugmented;

  KeycloakComponent(Layout layout) {
    super(layout, "keycloak");
  }

  Path home() {
    return layout
        .state()
        .resolve("keycloak")
        .resolve("keycloak-" + layout.version("keycloak.version"));
  }

  @Override
  String endpoint() {
    String base = layout.ports().keycloakBase();
    return base
        + "  (realm oversight; admin console "
        + base
        + "/admin admin/admin)"
        + (reaugmented ? "  [re-augmented this run]" : "");
  }

  /** The Keycloak JVM (a child of kc.sh, or kc.sh's own pid after a re-augmentation exec). */
  @Override
  long pid() {
    Process p = process();
    if (p == null) {
      return -1;
    }
    return Procs.firstJava(p.toHandle()).map(ProcessHandle::pid).orElse(p.pid());
  }

  @Override
  protected void doStart() throws IOException {
    Path home = home();
    Path kcSh = home.resolve("bin").resolve("kc.sh");
    if (!Files.isExecutable(kcSh)) {
      throw new IllegalStateException(
          kcSh + " missing: run deploy/local/platform up, which unpacks keycloak-quarkus-dist");
    }
    prepareRealm(home);

    Path log = layout.log(name);
    long offset = Procs.logSize(log);
    Map<String, String> env = new java.util.HashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + layout.tmp());
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    // the realm file's ${OVERSIGHT_<SERVICE>_PORT} placeholders: where the portal client may
    // redirect after sign-in (each service's Swagger UI, the audit console)
    for (ServiceComponent.Spec spec : ServiceComponent.SPECS) {
      env.put(
          "OVERSIGHT_" + spec.db().toUpperCase(java.util.Locale.ROOT) + "_PORT",
          Integer.toString(layout.ports().service(spec.port())));
    }
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(kcSh.toString());
    cmd.addAll(flags());
    Process p = spawn(cmd, home, env, log);
    String wellKnown = layout.ports().realmUrl() + "/.well-known/openid-configuration";
    Procs.await(
        "keycloak", p, Duration.ofSeconds(300), log, () -> Procs.httpStatus(wellKnown) == 200);
    reaugmented =
        Procs.logContainsSince(
            log, offset, "Updating the configuration and installing your custom");
    Procs.firstJava(p.toHandle()).ifPresent(j -> layout.writePid("keycloak-java", j.pid()));
  }

  /**
   * Copies the realm into data/import. --import-realm skips realms that already exist, so when the
   * realm file changed since the last import, the dev H2 database is dropped and the realm is
   * imported afresh (all Keycloak data here comes from that file anyway).
   */
  private void prepareRealm(Path home) throws IOException {
    Path source = layout.repo().resolve("deploy/keycloak/oversight-realm.json");
    Path importDir = home.resolve("data").resolve("import");
    Files.createDirectories(importDir);
    Files.copy(
        source, importDir.resolve("oversight-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    String hash = sha256(Files.readAllBytes(source));
    Path marker = layout.state().resolve("keycloak").resolve("imported-realm.sha256");
    Path h2 = home.resolve("data").resolve("h2");
    String previous = Files.exists(marker) ? Files.readString(marker).trim() : "";
    if (!hash.equals(previous) && Files.exists(h2)) {
      Procs.log("keycloak: realm file changed since the last import, dropping %s to re-import", h2);
      try (Stream<Path> walk = Files.walk(h2)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.writeString(marker, hash + "\n");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void doStop(Process p) {
    super.doStop(p);
    layout.deletePid("keycloak-java");
  }
}
