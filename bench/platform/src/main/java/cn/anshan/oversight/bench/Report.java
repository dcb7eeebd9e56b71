package cn.anshan.oversight.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The figures of one run: printed as one table and written as JSON. */
final class Report {
  /**
   * One line of the table. {@code load} says how it was driven ("16 conn", "open 120/s"); {@code
   * ceiling} is the reference measured in the same run (pgbench tps of the same transaction shape,
   * or the same service's health endpoint), 0 when there is none.
   */
  record Row(
      String operation,
      String load,
      double rate,
      double p50,
      double p99,
      double max,
      long errors,
      double ceiling,
      String ceilingOf) {
    double ratio() {
      return ceiling > 0 ? rate / ceiling : 0;
    }
  }

  final List<Row> rows = new ArrayList<>();
  final ObjectNode json = Http.JSON.createObjectNode();

  static void progress(String format, Object... args) {
    System.out.printf(
        "[%s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    System.out.flush();
  }

  void add(Row row) {
    rows.add(row);
    progress(
        "%s @ %s: %.0f/s p50 %.0f ms p99 %.0f ms errors %d%s",
        row.operation(),
        row.load(),
        row.rate(),
        row.p50(),
        row.p99(),
        row.errors(),
        row.ceiling() > 0
            ? String.format(
                " (%.0f%% of %s %.0f/s)", 100 * row.ratio(), row.ceilingOf(), row.ceiling())
            : "");
  }

  String table() {
    StringBuilder b = new StringBuilder();
    String format = "%-44s %-12s %9s %8s %8s %8s %7s %10s %7s  %s%n";
    b.append(
        String.format(
            format,
            "operation",
            "load",
            "rate/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "errors",
            "ceiling/s",
            "ratio",
            "ceiling is"));
    for (Row r : rows) {
      b.append(
          String.format(
              format,
              r.operation(),
              r.load(),
              String.format("%.0f", r.rate()),
              String.format("%.1f", r.p50()),
              String.format("%.1f", r.p99()),
              String.format("%.0f", r.max()),
              r.errors(),
              r.ceiling() > 0 ? String.format("%.0f", r.ceiling()) : "-",
              r.ceiling() > 0 ? String.format("%.0f%%", 100 * r.ratio()) : "-",
              r.ceilingOf() == null ? "" : r.ceilingOf()));
    }
    return b.toString();
  }

  void write(Path file) throws IOException {
    ArrayNode array = json.putArray("rows");
    for (Row r : rows) {
      ObjectNode o = array.addObject();
      o.put("operation", r.operation());
      o.put("load", r.load());
      o.put("rate", r.rate());
      o.put("p50Ms", r.p50());
      o.put("p99Ms", r.p99());
      o.put("maxMs", r.max());
      o.put("errors", r.errors());
      o.put("ceiling", r.ceiling());
      o.put("ceilingOf", r.ceilingOf());
      o.put("ratio", r.ratio());
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }
}
