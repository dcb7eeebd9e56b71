package cn.anshan.oversight.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Audit maps no entity of its own (its writes go through the Vert.x pool), yet the kit's operator
 * endpoints, which read the outbox and parked rows on a Hibernate Reactive session, answer here as
 * in every other service.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class OperatorEndpointsTest {
  static final Tokens OPERATOR = Tokens.user("ops-1").role("platform-operator");

  @Test
  void quarantinedAndParkedRowsAreListedWithoutAnEntityOfAudits() {
    given()
        .header("Authorization", OPERATOR.bearer())
        .get("/api/v1/operations/outbox/quarantined")
        .then()
        .statusCode(200)
        .body("size()", greaterThanOrEqualTo(0));
    given()
        .header("Authorization", OPERATOR.bearer())
        .get("/api/v1/operations/parked-events")
        .then()
        .statusCode(200);
  }
}
