package cn.anshan.oversight.registry.service.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.registry.config.staff.StaffSettings;
import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

/** STF-06, issue 18 item 7: a packaged registry never hashes ID numbers with a known key. */
class StaffIdentitiesTest {
  static final String REAL = "q3Vt1x0m6cQ2pO9s7Yw4eR8tZ5aL1kJ3hG6fD2sA0=";

  @Test
  void stf06APackagedServiceRefusesTheDevOnlyKeyAndShortOnes() {
    IllegalStateException devKey =
        assertThrows(
            IllegalStateException.class,
            () ->
                StaffIdentities.requireRealKey(
                    StaffSettings.DEV_ONLY_ID_HASH_KEY, LaunchMode.NORMAL));
    assertTrue(devKey.getMessage().contains("OVERSIGHT_REGISTRY_STAFF_ID_HASH_KEY"));
    assertThrows(
        IllegalStateException.class,
        () -> StaffIdentities.requireRealKey("short-secret", LaunchMode.NORMAL));
    assertEquals(REAL, StaffIdentities.requireRealKey(REAL, LaunchMode.NORMAL));
  }

  @Test
  void stf06DevelopmentAndTestsMayUseTheDevOnlyKey() {
    assertEquals(
        StaffSettings.DEV_ONLY_ID_HASH_KEY,
        StaffIdentities.requireRealKey(StaffSettings.DEV_ONLY_ID_HASH_KEY, LaunchMode.TEST));
    assertEquals(
        StaffSettings.DEV_ONLY_ID_HASH_KEY,
        StaffIdentities.requireRealKey(StaffSettings.DEV_ONLY_ID_HASH_KEY, LaunchMode.DEVELOPMENT));
  }
}
