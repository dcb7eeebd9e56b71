package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Secrets the local platform makes for itself, once per state folder, and keeps there readable by
 * its owner only: nothing secret is committed, and a restart finds the same keys and passwords.
 */
final class StateSecrets {
  private StateSecrets() {}

  /** The secrets in {@code file}, made by {@code generate} the first time. */
  static Properties load(Path file, String comment, Supplier<Properties> generate) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newBufferedWriter(file)) {
          generate.get().store(out, comment);
        }
      }
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(file)) {
        p.load(in);
      }
      return p;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the secrets in " + file, e);
    }
  }
}
