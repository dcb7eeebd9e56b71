package cn.anshan.oversight.registry.rest;

import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.apply;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.approve;
import static cn.anshan.oversight.registry.rest.SectorDepartmentFlowTest.SCIENCE_TIEDONG;
import static cn.anshan.oversight.registry.rest.SectorDepartmentFlowTest.opinion;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REG-08 with joint approval configured: a non-subject institution waits for its department. */
@QuarkusTest
@TestProfile(SectorConcurrenceTest.JointApproval.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class SectorConcurrenceTest {

  public static class JointApproval implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("oversight.registry.application.non-subject-approval", "JOINT");
    }
  }

  @Test
  @DisplayName("REG-08: no approval of a non-subject institution before its department concurred")
  void reg08JointApprovalWaitsForTheSectorDepartmentsConcurrence() {
    String id = UUID.randomUUID().toString();
    apply(id);
    approve(REGULATOR_TIEDONG, id, "1")
        .statusCode(422)
        .body("rules", contains("REG-08"))
        .body("detail", containsString("has not given its opinion"));
    opinion(SCIENCE_TIEDONG, id, "1", "{\"opinion\":\"DISSENTED\",\"reason\":\"场地不适合\"}")
        .statusCode(200);
    approve(REGULATOR_TIEDONG, id, "2")
        .statusCode(422)
        .body("rules", contains("REG-08"))
        .body("detail", containsString("dissented"));
    opinion(SCIENCE_TIEDONG, id, "2", "{\"opinion\":\"CONCURRED\"}").statusCode(200);
    approve(REGULATOR_TIEDONG, id, "3").statusCode(200).body("status", equalTo("APPROVED"));
  }
}
