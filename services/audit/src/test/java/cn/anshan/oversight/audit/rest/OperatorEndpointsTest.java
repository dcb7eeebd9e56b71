package cn.anshan.oversight.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Audit maps no entity and runs every statement on the Vert.x pool, Hibernate Reactive switched off
 * (issue 14 item 6), yet the kit's operator endpoints answer here as in every other service.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class OperatorEndpointsTest {
  static final Tokens OPERATOR = Tokens.user("ops-1").role("platform-operator");

  @Test
  void auditRunsOnThePoolAloneWithoutAHibernateSession() {
    assertFalse(
        Arc.container().instance(Mutiny.SessionFactory.class).isAvailable(),
        "Hibernate Reactive started in audit");
  }

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

  @Test
  void aReplayIsAnsweredWithoutASessionSinceAuditHasNoConsumerToApplyItThrough() {
    given()
        .header("Authorization", OPERATOR.bearer())
        .post("/api/v1/operations/parked-events/{id}/replay", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    String id =
        (String)
            TestInfra.query(
                    "insert into parked_event (id, consumer, payload, reason)"
                        + " values (gen_random_uuid(), 'someone-elses-consumer', '{}', 'test')"
                        + " returning id::text as id")
                .get(0)
                .get("id");
    given()
        .header("Authorization", OPERATOR.bearer())
        .post("/api/v1/operations/parked-events/{id}/replay", id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("unknown-consumer"));
  }
}
