package cn.anshan.oversight.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/**
 * The service's clock in {@code %test} builds ({@code /test/clock} of the kit): freeze it at an
 * instant inside the loaded calendar years, and let it run again.
 */
public final class TestClock {
  private TestClock() {}

  public static void freeze(String instant) {
    given()
        .contentType(ContentType.JSON)
        .body("{\"freezeAt\":\"" + instant + "\"}")
        .post("/test/clock")
        .then()
        .statusCode(200);
  }

  public static void unfreeze() {
    given().delete("/test/clock").then().statusCode(200);
  }
}
