package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.registry.config.staff.StaffSettings;
import cn.anshan.oversight.registry.domain.staff.NationalIdHasher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;

/** Hashes national ID numbers with the configured key (STF-06). */
@ApplicationScoped
public class StaffIdentities {
  private final NationalIdHasher hasher;

  public StaffIdentities(StaffSettings settings) {
    if (LaunchMode.current() == LaunchMode.NORMAL
        && StaffSettings.DEV_ONLY_ID_HASH_KEY.equals(settings.idHashKey())) {
      // Not fatal, so the local platform still starts; a real deployment must set the key.
      Log.warn(
          "oversight.registry.staff.id-hash-key is the dev-only default: ID hashes are not secret");
    }
    this.hasher = new NationalIdHasher(settings.idHashKey());
  }

  public String hash(String nationalIdNumber) {
    return hasher.hash(nationalIdNumber);
  }
}
