package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.Platform.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling beside each command: pgbench on the platform's own PostgreSQL, running the statements
 * a command sends (its transaction shape, {@code shapes/<name>.sql}) in a scratch copy of the
 * service's schema, so nothing the services read is touched and no relay publishes the rows.
 */
final class Pgbench {
  private static final Pattern TPS =
      Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([\\d.]+) ms");

  record Result(double tps, double latencyMs) {}

  private final Platform platform;
  private final Path work;
  private final Path bin;

  Pgbench(Platform platform, Path work) {
    this.platform = platform;
    this.work = work;
    this.bin = findBin();
  }

  boolean available() {
    return bin != null;
  }

  /** A scratch database {@code bench_<db>} with the service's current schema and no data. */
  void prepare(Service service) throws Exception {
    String scratch = scratch(service);
    try (Connection c = platform.connectAsOwner("postgres");
        Statement st = c.createStatement()) {
      st.execute("drop database if exists " + scratch);
      st.execute("create database " + scratch);
    }
    Path schema = work.resolve(service.database + "-schema.sql");
    exec(tool("pg_dump", "-s", "-O", "-x", "-f", schema.toString(), service.database));
    exec(psql(schema, scratch));
  }

  /**
   * Runs {@code shapes/<shape>.sql} on {@code database} with {@code clients} connections for {@code
   * seconds}; {@code shapes/<shape>.setup.sql}, when there is one, runs first. {@code vars} become
   * pgbench variables ({@code -D}).
   */
  Result run(String database, String shape, int clients, int seconds, Map<String, String> vars)
      throws Exception {
    if (Pgbench.class.getResource("/shapes/" + shape + ".setup.sql") != null) {
      exec(psql(resource(shape + ".setup.sql"), database));
    }
    return run(database, resource(shape + ".sql"), clients, seconds, vars);
  }

  /** Runs {@code shapes/<shape>.sql} changed by {@code variant}, saved as {@code <name>.sql}. */
  Result runVariant(
      String database,
      String shape,
      String name,
      UnaryOperator<String> variant,
      int clients,
      int seconds)
      throws Exception {
    Path script = work.resolve(name + ".sql");
    Files.writeString(script, variant.apply(Files.readString(resource(shape + ".sql"))));
    return run(database, script, clients, seconds, Map.of());
  }

  private Result run(
      String database, Path script, int clients, int seconds, Map<String, String> vars)
      throws Exception {
    List<String> command =
        tool(
            "pgbench",
            "-n",
            "-M",
            "prepared",
            "-c",
            Integer.toString(clients),
            "-j",
            Integer.toString(Math.min(clients, 2)),
            "-T",
            Integer.toString(seconds),
            "-f",
            script.toString());
    vars.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
    command.add(database);
    String out = exec(command);
    Matcher tps = TPS.matcher(out);
    Matcher latency = LATENCY.matcher(out);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench printed no tps:\n" + out);
    }
    return new Result(
        Double.parseDouble(tps.group(1)),
        latency.find() ? Double.parseDouble(latency.group(1)) : 0);
  }

  static String scratch(Service service) {
    return "bench_" + service.database;
  }

  private Path resource(String name) throws IOException {
    Path file = work.resolve(name);
    try (InputStream in = Pgbench.class.getResourceAsStream("/shapes/" + name)) {
      Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return file;
  }

  private List<String> psql(Path file, String database) {
    return tool("psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), database);
  }

  /** A PostgreSQL client program of {@code bin}, connected as the platform's superuser. */
  private List<String> tool(String program, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                bin.resolve(program).toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(platform.postgresPort()),
                "-U",
                "postgres"));
    command.addAll(List.of(args));
    return command;
  }

  /** Rows the scratch databases collected, so repeated runs start alike. */
  void dropScratch(Service service) throws Exception {
    try (Connection c = platform.connectAsOwner("postgres");
        Statement st = c.createStatement()) {
      st.execute("drop database if exists " + scratch(service));
    }
  }

  /** The PostgreSQL server version, for the report. */
  String serverVersion() throws Exception {
    try (Connection c = platform.connectAsOwner("postgres");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static Path findBin() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("PG_BIN");
    if (env != null) {
      candidates.add(Path.of(env));
    }
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      dirs.sorted(java.util.Comparator.reverseOrder())
          .forEach(d -> candidates.add(d.resolve("bin")));
    } catch (IOException e) {
      // no system PostgreSQL packages
    }
    candidates.add(Path.of("/usr/bin"));
    return candidates.stream()
        .filter(
            d ->
                Files.isExecutable(d.resolve("pgbench"))
                    && Files.isExecutable(d.resolve("pg_dump")))
        .findFirst()
        .orElse(null);
  }

  private static String exec(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", "postgres");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }
}
