package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.registry.config.staff.StaffSettings;
import cn.anshan.oversight.registry.domain.staff.NationalIdHasher;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hashes national ID numbers with the configured key (STF-06). Outside dev and test the service
 * refuses to start with the dev-only key or a short one (issue 18 item 7): hashes made with a key
 * committed to the repository are not secret, and a key changed later orphans every stored hash.
 */
@Startup
@ApplicationScoped
public class StaffIdentities {
  /** 32 characters, e.g. 24 random bytes in base64; the launcher generates 32 bytes. */
  static final int MIN_KEY_LENGTH = 32;

  private final NationalIdHasher hasher;

  public StaffIdentities(StaffSettings settings) {
    this.hasher = new NationalIdHasher(requireRealKey(settings.idHashKey(), LaunchMode.current()));
  }

  /** The key, unless a packaged service (NORMAL mode) was given the dev-only or a short one. */
  static String requireRealKey(String key, LaunchMode mode) {
    if (mode == LaunchMode.NORMAL
        && (StaffSettings.DEV_ONLY_ID_HASH_KEY.equals(key) || key.length() < MIN_KEY_LENGTH)) {
      throw new IllegalStateException(
          "STF-06: set OVERSIGHT_REGISTRY_STAFF_ID_HASH_KEY (oversight.registry.staff.id-hash-key)"
              + " to a secret of at least "
              + MIN_KEY_LENGTH
              + " characters; the dev-only default is refused outside dev and test");
    }
    return key;
  }

  public String hash(String nationalIdNumber) {
    return hasher.hash(nationalIdNumber);
  }
}
