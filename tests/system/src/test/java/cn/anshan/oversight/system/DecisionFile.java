package cn.anshan.oversight.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The format of the matrix's decision files: {@code key = value} lines, blank lines and {@code #}
 * comments ignored.
 */
final class DecisionFile {

  private DecisionFile() {}

  /** The file's lines as key → value (both stripped), in file order. */
  static Map<String, String> read(String resource) {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = DecisionFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the test classpath");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("=", 2);
        if (kv.length < 2) {
          throw new IllegalStateException(resource + ": no '=' in: " + line);
        }
        m.put(kv[0].strip(), kv[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
