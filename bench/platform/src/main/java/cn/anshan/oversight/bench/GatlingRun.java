package cn.anshan.oversight.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a simulation in this JVM and reads its figures back from Gatling's HTML report (the only
 * place Gatling 3.15 writes them as text): per request name and for all requests together.
 */
final class GatlingRun {
  /** One row of Gatling's statistics table; times in ms. */
  record Stats(long total, long ko, double perSecond, long p50, long p99, long max) {}

  static final String ALL = "All Requests";

  private static final Pattern ROW =
      Pattern.compile(
          "class=\"ellipsed-name\">([^<]*)</span>.*?"
              + "col-2\">(\\d+)</td>.*?col-4\">(\\d+)</td>.*?col-6\">([\\d.,-]+)</td>.*?"
              + "col-8\">(\\d+|-)</td>.*?col-10\">(\\d+|-)</td>.*?col-12\">(\\d+|-)</td>",
          Pattern.DOTALL);

  private GatlingRun() {}

  static Map<String, Stats> run(Class<?> simulation, Path results, String description)
      throws IOException {
    Files.createDirectories(results);
    int rc =
        io.gatling.app.Gatling$.MODULE$.fromArgs(
            new String[] {
              "-s", simulation.getName(), "-rf", results.toString(), "-rd", description
            });
    if (rc != 0) {
      Report.progress("gatling ended with code %d (assertion or crash): see the report", rc);
    }
    Path report;
    try (Stream<Path> dirs = Files.list(results)) {
      report =
          dirs.filter(Files::isDirectory)
              .max(Comparator.comparingLong(GatlingRun::modified))
              .orElseThrow();
    }
    return parse(Files.readString(report.resolve("index.html")));
  }

  static Map<String, Stats> parse(String html) {
    Map<String, Stats> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      rows.putIfAbsent(
          m.group(1).trim(),
          new Stats(
              Long.parseLong(m.group(2)),
              Long.parseLong(m.group(3)),
              Double.parseDouble(m.group(4).replace(",", "").replace("-", "0")),
              number(m.group(5)),
              number(m.group(6)),
              number(m.group(7))));
    }
    return rows;
  }

  private static long number(String s) {
    return "-".equals(s) ? 0 : Long.parseLong(s);
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
