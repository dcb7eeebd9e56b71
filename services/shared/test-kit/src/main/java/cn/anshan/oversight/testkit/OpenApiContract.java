package cn.anshan.oversight.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OpenAPI document a service serves must equal {@code contracts/openapi/<service>.yaml} (DESIGN
 * §3). Run the tests with {@code -Dopenapi.export=true} to rewrite the committed file after an
 * intended API change.
 */
public final class OpenApiContract {
  /** A schema name SmallRye numbered because two Java types share a simple name. */
  private static final Pattern NUMBERED_SCHEMA = Pattern.compile("(?m)^    ([A-Za-z]+[0-9]+):$");

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
    assertEquals(
        List.of(),
        numberedSchemas(served),
        "two types share a schema name, so generated clients get Row2 / Status1: rename the types");
    assertTrue(
        Files.exists(committed),
        committed + " is missing; run the tests with -Dopenapi.export=true and commit it");
    assertEquals(
        Files.readString(committed),
        served,
        "the API changed: review it, run with -Dopenapi.export=true and commit the contract");
  }

  private static List<String> numberedSchemas(String document) {
    int schemas = document.indexOf("\n  schemas:\n");
    if (schemas < 0) {
      return List.of();
    }
    return NUMBERED_SCHEMA
        .matcher(document.substring(schemas))
        .results()
        .map(m -> m.group(1))
        .toList();
  }
}
