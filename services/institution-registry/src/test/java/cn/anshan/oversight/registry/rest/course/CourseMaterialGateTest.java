package cn.anshan.oversight.registry.rest.course;

import static cn.anshan.oversight.registry.rest.course.CourseFixtures.approvedNonSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.course;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.file;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.operatorOf;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.scheduleSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** REG-12 switched on: a course is taught only once it has filed a teaching material. */
@QuarkusTest
@TestProfile(CourseMaterialGateTest.MaterialsRequired.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class CourseMaterialGateTest {

  public static class MaterialsRequired implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("oversight.registry.schedule.materials-required", "true");
    }
  }

  @Test
  void reg12NoSessionBeforeAMaterialIsFiled() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = file(inst, course("NON_SUBJECT", null, 60, 8000)).path("courseId");
    ExtractableResponse<Response> refused =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T19:30", "2026-03-04T20:30");
    assertEquals(422, refused.statusCode(), refused.asString());
    assertEquals(List.of("REG-12"), refused.path("rules"));
    CourseMaterialFlowTest.fileMaterial(operatorOf(inst), courseId, CourseMaterialFlowTest.TEXTBOOK)
        .statusCode(201);
    assertEquals(
        201,
        scheduleSession(operatorOf(inst), courseId, "2", "2026-03-04T19:30", "2026-03-04T20:30")
            .statusCode());
  }
}
