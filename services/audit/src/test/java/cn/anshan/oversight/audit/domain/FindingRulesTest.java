package cn.anshan.oversight.audit.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FindingRulesTest {

  /** The partial index of V6 serves the standing lookups only if it lists the same types. */
  @Test
  void theStandingIndexCoversEveryStandingType() throws IOException {
    String migration;
    try (InputStream in =
        getClass().getResourceAsStream("/db/migration/V6__incremental_scan.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String index = migration.substring(migration.indexOf("create index timeline_entry_standing"));
    for (String type : FindingRules.STANDING) {
      assertTrue(index.contains("'" + type + "'"), type + " missing from timeline_entry_standing");
    }
    assertTrue(
        index.chars().filter(c -> c == '\'').count() == 2L * FindingRules.STANDING.size(),
        "timeline_entry_standing lists a type FindingRules.STANDING does not");
  }
}
