package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each service's environment as a shell file ({@code run/env/<service>.env}, owner-only: it holds
 * the service's database and Kafka passwords), so an engineer can run one service from source
 * beside the platform ({@code platform up --without enrolment}, then {@code eval "$(platform env
 * enrolment)"} and {@code quarkus:dev}) with exactly what the launcher would have given it.
 */
final class ServiceEnvironments {
  private final Layout layout;
  private final boolean testClock;

  ServiceEnvironments(Layout layout, boolean testClock) {
    this.layout = layout;
    this.testClock = testClock;
  }

  void write() {
    Path dir = layout.run().resolve("env");
    try {
      Files.createDirectories(dir);
      for (ServiceComponent.Spec spec : ServiceComponent.SPECS) {
        ServiceComponent service =
            new ServiceComponent(
                layout, spec, ServiceComponent.jarOf(layout, spec.name()), testClock);
        Path file = dir.resolve(spec.name() + ".env");
        Files.deleteIfExists(file);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, exports(service.environment()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String exports(Map<String, String> environment) {
    return environment.entrySet().stream()
        .map(e -> "export " + e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'\n")
        .collect(Collectors.joining());
  }
}
