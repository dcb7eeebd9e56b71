package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.unfreeze;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 6: PRE-24's school calendar cannot run out silently — readiness shows how long it
 * lasts and warns 60 days before its last term start (orders ending later are refused then:
 * PrepaymentRulesTest).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class TermCalendarHealthTest {
  static final String CHECK = "checks.find { it.name == 'school-calendar' }.";

  @AfterEach
  void thaw() {
    unfreeze();
  }

  @Test
  void pre24ReadinessWarnsSixtyDaysBeforeTheTermCalendarRunsOut() {
    freeze("2027-03-01T04:00:00Z");
    given()
        .get("/q/health/ready")
        .then()
        .body(CHECK + "status", equalTo("UP"))
        .body(CHECK + "data.until", equalTo("2027-09-01"))
        .body(CHECK + "data.daysLeft", equalTo(184))
        .body(CHECK + "data.warning", nullValue());
    freeze("2027-07-10T04:00:00Z");
    given()
        .get("/q/health/ready")
        .then()
        .body(CHECK + "status", equalTo("UP"))
        .body(CHECK + "data.daysLeft", equalTo(53))
        .body(CHECK + "data.warning", containsString("PRE-24"));
  }
}
