package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where everything lives. All mutable state is under one folder ({@code <repo>/.oversight} by
 * default), which is git-ignored:
 *
 * <pre>
 * .oversight/
 *   launcher.classpath   dependency classpath of this module (written by the wrapper)
 *   run/                 pid files, launcher.state, ready.txt
 *   logs/                launcher.log, postgres.log, kafka.log, keycloak.log, &lt;service&gt;.log
 *   tmp/                 java.io.tmpdir of every JVM started here
 *   pg/  pg-bin/         PostgreSQL data directory and the unpacked zonky binaries
 *   kafka/ kafka-config/ Kafka log dir (KRaft metadata included) and generated configs
 *   keycloak/            unpacked keycloak-quarkus-dist (its H2 database lives in its data/ dir)
 * </pre>
 */
record Layout(
    Path repo,
    Path state,
    Path run,
    Path logs,
    Path tmp,
    String javaBin,
    String dependencyClasspath,
    Properties versions,
    Ports ports) {

  static Layout create(Path repo, Path state) throws IOException {
    Path run = state.resolve("run");
    Path logs = state.resolve("logs");
    Path tmp = state.resolve("tmp");
    for (Path p : new Path[] {state, run, logs, tmp}) {
      Files.createDirectories(p);
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path cpFile = state.resolve("launcher.classpath");
    String cp = Files.exists(cpFile) ? Files.readString(cpFile).trim() : "";
    if (cp.isEmpty()) {
      // started by hand (e.g. from an IDE): reuse our own classpath for the Kafka child
      cp = System.getProperty("java.class.path");
    }
    Properties versions = new Properties();
    try (InputStream in = Layout.class.getResourceAsStream("/platform-versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("platform-versions.properties missing from the classpath");
      }
      versions.load(in);
    }
    return new Layout(repo, state, run, logs, tmp, javaBin, cp, versions, Ports.fromEnvironment());
  }

  String version(String key) {
    return versions.getProperty(key);
  }

  Path log(String name) {
    return logs.resolve(name + ".log");
  }

  void writePid(String name, long pid) {
    try {
      Files.writeString(run.resolve(name + ".pid"), pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void deletePid(String name) {
    try {
      Files.deleteIfExists(run.resolve(name + ".pid"));
    } catch (IOException e) {
      // best effort
    }
  }
}
