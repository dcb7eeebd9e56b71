package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The registry's STF-06 key for hashing staff ID numbers (issue 18 item 7: a service outside
 * dev/test refuses to start without a real one). The local platform makes one per state folder on
 * first start and keeps it there, owner-readable only, so stored hashes stay matchable across
 * restarts and no key is committed.
 */
final class StaffIdHashKey {
  private StaffIdHashKey() {}

  static Map<String, String> environment(Layout layout) {
    Path file = layout.state().resolve("staff-id-hash.key");
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
      }
      return Map.of("OVERSIGHT_REGISTRY_STAFF_ID_HASH_KEY", Files.readString(file).strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the staff ID hash key in " + file, e);
    }
  }
}
