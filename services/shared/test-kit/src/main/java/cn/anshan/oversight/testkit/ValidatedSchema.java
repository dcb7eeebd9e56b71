package cn.anshan.oversight.testkit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A test profile in which Hibernate validates every entity mapping against the schema the
 * migrations built, and refuses to start on a mismatch (a missing column, another type): the
 * entities and the migrations agree, so dev mode starts without schema-validation errors (issue 14
 * item 8). Production keeps {@code none}: Flyway owns the schema.
 */
public class ValidatedSchema implements QuarkusTestProfile {
  public static final String STRATEGY = "quarkus.hibernate-orm.schema-management.strategy";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(STRATEGY, "validate");
  }
}
