package cn.anshan.oversight.registry.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document must equal {@code contracts/openapi/institution-registry.yaml}. Run
 * with {@code -Dopenapi.export=true} to write the file after an intended API change.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiContractTest {
  static final Path COMMITTED = Path.of("../../contracts/openapi/institution-registry.yaml");

  @Test
  void servedDocumentMatchesTheCommittedContract() throws Exception {
    String served =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.export")) {
      Files.writeString(COMMITTED, served);
    }
    assertTrue(
        Files.exists(COMMITTED),
        COMMITTED + " is missing; run the tests with -Dopenapi.export=true and commit it");
    assertEquals(
        Files.readString(COMMITTED),
        served,
        "the API changed: review it, run with -Dopenapi.export=true and commit the contract");
  }
}
