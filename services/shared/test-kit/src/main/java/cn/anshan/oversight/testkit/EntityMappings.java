package cn.anshan.oversight.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The entities agree with the migrations (issue 14 item 8): the service starts with Hibernate
 * validating every entity against the schema the migrations built, so a missing column or another
 * type fails the start, and the test checks that validation was on. Quarkus reads the profile and
 * the test resource from the test class itself, so each service declares them:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;TestProfile(ValidatedSchema.class)
 * &#64;WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
 * class EntityMappingTest extends EntityMappings {}
 * </pre>
 */
public abstract class EntityMappings {
  @Test
  void theServiceStartsWithEveryEntityValidatedAgainstTheSchema() {
    assertEquals(
        "validate", ConfigProvider.getConfig().getValue(ValidatedSchema.STRATEGY, String.class));
  }
}
