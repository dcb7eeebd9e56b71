package cn.anshan.oversight.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI document a service serves must equal {@code contracts/openapi/<service>.yaml} (DESIGN
 * §3). Run the tests with {@code -Dopenapi.export=true} to rewrite the committed file after an
 * intended API change.
 */
public final class OpenApiContract {
  private OpenApiContract() {}

  /** Call from a {@code @QuarkusTest} of the service; paths are relative to its module. */
  public static void assertServedDocumentMatches(String service) throws IOException {
    Path committed = Path.of("../../contracts/openapi/" + service + ".yaml");
    String served =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.export")) {
      Files.writeString(committed, served);
    }
    assertTrue(
        Files.exists(committed),
        committed + " is missing; run the tests with -Dopenapi.export=true and commit it");
    assertEquals(
        Files.readString(committed),
        served,
        "the API changed: review it, run with -Dopenapi.export=true and commit the contract");
  }
}
