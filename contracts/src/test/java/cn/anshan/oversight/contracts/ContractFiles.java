package cn.anshan.oversight.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the contract files in the module's source tree, so that new events are picked up. */
final class ContractFiles {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCHEMA_SUFFIX = ".schema.json";
  static final String EXAMPLE_SUFFIX = ".example.json";
  static final String ENVELOPE = "envelope.v1.schema.json";

  private ContractFiles() {}

  /** The contracts module directory (surefire sets basedir; its working directory is the same). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  static Path eventsDir() {
    return moduleDir().resolve("events");
  }

  /** Every event schema, envelope excluded, sorted. */
  static List<Path> eventSchemas() {
    return files(SCHEMA_SUFFIX).stream()
        .filter(p -> !eventsDir().relativize(p).toString().equals(ENVELOPE))
        .toList();
  }

  static List<Path> allSchemas() {
    return files(SCHEMA_SUFFIX);
  }

  static List<Path> examples() {
    return files(EXAMPLE_SUFFIX);
  }

  /**
   * Path relative to events/, with forward slashes, e.g.
   * registry/InstitutionApplied.v1.schema.json.
   */
  static String relative(Path file) {
    return eventsDir().relativize(file).toString().replace('\\', '/');
  }

  /** registry/InstitutionApplied.v1 for either the schema or the example of that event. */
  static String eventKey(Path file) {
    String rel = relative(file);
    if (rel.endsWith(SCHEMA_SUFFIX)) {
      return rel.substring(0, rel.length() - SCHEMA_SUFFIX.length());
    }
    if (rel.endsWith(EXAMPLE_SUFFIX)) {
      return rel.substring(0, rel.length() - EXAMPLE_SUFFIX.length());
    }
    throw new IllegalArgumentException(rel);
  }

  /** cn.anshan.oversight.registry.InstitutionApplied.v1 for registry/InstitutionApplied.v1. */
  static String typeOf(String eventKey) {
    return "cn.anshan.oversight." + eventKey.replace('/', '.');
  }

  static String schemaIdOf(String eventKey) {
    return EventContracts.SCHEMA_BASE_IRI + "events/" + eventKey + SCHEMA_SUFFIX;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(read(file));
    } catch (IOException e) {
      throw new UncheckedIOException("not valid JSON: " + file, e);
    }
  }

  static ObjectNode readObject(Path file) {
    return (ObjectNode) readJson(file);
  }

  private static List<Path> files(String suffix) {
    try (Stream<Path> walk = Files.walk(eventsDir())) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
