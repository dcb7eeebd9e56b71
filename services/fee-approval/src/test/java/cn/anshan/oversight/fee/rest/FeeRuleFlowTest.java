package cn.anshan.oversight.fee.rest;

import static cn.anshan.oversight.fee.rest.FeeFixtures.BASE;
import static cn.anshan.oversight.fee.rest.FeeFixtures.post;
import static cn.anshan.oversight.fee.rest.FeeFixtures.proposal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fee rules at their boundaries over HTTP: every rejection is problem+json naming its rule, and
 * nothing is stored (LN-ASV-03/05/06, ASV-04).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class FeeRuleFlowTest {
  static final String RULES = "https://oversight.anshan.gov.cn/problems/rules/";
  String school;
  Tokens admin;

  @BeforeEach
  void school() {
    school = "school-" + UUID.randomUUID();
    admin = Tokens.user("admin-" + school).role("school-admin").school(school).district("tiedong");
  }

  long stored() {
    return TestInfra.count("select count(*) from fee_proposal where school_id = ?", school);
  }

  /** 20,000 fen per head of cost, so only the cap limits the fee. */
  static String costly(String level, String programme, long fee) {
    return proposal("2026-autumn", programme, "SERVICE_CHARGE", fee)
        .replace("\"schoolLevel\":\"PRIMARY\"", "\"schoolLevel\":\"" + level + "\"")
        .replace("\"staffAllowancesFen\":4200000", "\"staffAllowancesFen\":50000000");
  }

  @Test
  @DisplayName("LN-ASV-06 以支定收: 15000 fen = cost ÷ participants passes, 15001 is refused")
  void lnAsv06CostBoundary() {
    post(admin, BASE, null, proposal(15_001))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(RULES + "LN-ASV-06"))
        .body("detail", containsString("以支定收"));
    assertEquals(0, stored());
    post(admin, BASE, null, proposal(15_000)).statusCode(201);
  }

  @Test
  @DisplayName("LN-ASV-03: 20000 fen (200 yuan) passes, 20001 fen is refused")
  void lnAsv03CapBoundary() {
    post(admin, BASE, null, costly("JUNIOR", "AFTER_SCHOOL", 20_001))
        .statusCode(422)
        .body("type", equalTo(RULES + "LN-ASV-03"))
        .body("detail", containsString("LN-ASV-03"));
    assertEquals(0, stored());
    post(admin, BASE, null, costly("JUNIOR", "AFTER_SCHOOL", 20_000)).statusCode(201);
  }

  @Test
  @DisplayName("LN-ASV-05: senior day school cap 280 yuan from configuration")
  void lnAsv05LevelCapBoundary() {
    post(admin, BASE, null, costly("SENIOR_DAY", "AFTER_SCHOOL", 28_001))
        .statusCode(422)
        .body("type", equalTo(RULES + "LN-ASV-05"));
    post(admin, BASE, null, costly("SENIOR_DAY", "AFTER_SCHOOL", 28_000)).statusCode(201);
  }

  @Test
  @DisplayName("ASV-04: no new fee items outside the catalogue, and no payee but the school")
  void asv04CatalogueAndPayee() {
    post(admin, BASE, null, proposal("2026-autumn", "HOLIDAY", "COLLECT_ON_BEHALF", 15_000))
        .statusCode(422)
        .body("type", equalTo(RULES + "ASV-04"))
        .body("detail", containsString("no new fee items"));
    String viaCommittee =
        proposal(15_000)
            .replace(
                "\"expectedParticipants\"",
                "\"payee\":\"PARENT_COMMITTEE\",\"expectedParticipants\"");
    post(admin, BASE, null, viaCommittee)
        .statusCode(422)
        .body("type", equalTo(RULES + "ASV-04"))
        .body("detail", containsString("parent committee"));
    assertEquals(0, stored());
    String explicitSchool =
        proposal(15_000)
            .replace("\"expectedParticipants\"", "\"payee\":\"SCHOOL\",\"expectedParticipants\"");
    post(admin, BASE, null, explicitSchool).statusCode(201).body("payee", equalTo("SCHOOL"));
  }

  @Test
  void everyBrokenRuleIsListed() {
    post(admin, BASE, null, proposal("2026-autumn", "SUMMER", "COLLECT_ON_BEHALF", 25_000))
        .statusCode(422)
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rule-violations"))
        .body("rules", contains("ASV-04", "LN-ASV-06", "LN-ASV-03"));
  }

  @Test
  void termMustEndAfterItStartsAndBeAtMostHalfAYear() {
    post(admin, BASE, null, proposal(15_000).replace("2027-01-15", "2026-08-31"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/termEnd"));
    post(admin, BASE, null, proposal(15_000).replace("2027-01-15", "2027-03-05"))
        .statusCode(400)
        .body("errors.pointer", hasItem("/termEnd"));
    post(admin, BASE, null, proposal(15_000).replace("2026-autumn", "autumn")).statusCode(400);
    post(admin, BASE, null, proposal(15_000).replace("440", "0")).statusCode(400);
    post(admin, BASE, null, proposal(-1)).statusCode(400);
    assertEquals(0, stored());
  }

  @Test
  void aSchoolAdminWithoutSchoolClaimIsRefused() {
    Tokens noSchool = Tokens.user("admin-x").role("school-admin").district("tiedong");
    post(noSchool, BASE, null, proposal(15_000)).statusCode(403);
  }
}
