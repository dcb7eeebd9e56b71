package cn.anshan.oversight.kit.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.anshan.oversight.kit.security.CachedBearerAuthentication;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link CachedBearerAuthentication}: a verified token is reused, never beyond what it allows. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class TokenCacheTest {

  @Test
  void aVerifiedTokenIsNotTrustedPastItsExpiry() {
    Instant expiry = Instant.now().plusSeconds(4);
    String bearer =
        Tokens.user("reg-expiring")
            .role("regulator")
            .district("tiedong")
            .expiresAt(expiry)
            .bearer();
    for (int i = 0; i < 3; i++) {
      given().header("Authorization", bearer).get("/probe/items/missing").then().statusCode(404);
    }
    await().until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));
    given().header("Authorization", bearer).get("/probe/items/missing").then().statusCode(401);
  }

  @Test
  void aReusedTokenKeepsOnlyItsOwnRoles() {
    String auditor = Tokens.user("aud-cached").role("auditor").bearer();
    given().header("Authorization", auditor).get("/probe/items/missing").then().statusCode(404);
    for (int i = 0; i < 2; i++) {
      given()
          .header("Authorization", auditor)
          .contentType(ContentType.JSON)
          .body("{\"label\":\"x\"}")
          .post("/probe/items/{id}/labels", "cached-" + i)
          .then()
          .statusCode(403);
    }
  }

  @Test
  void aTamperedCopyOfAVerifiedTokenIsRefused() {
    String token = Tokens.user("reg-tamper").role("regulator").district("tiedong").token();
    given()
        .header("Authorization", "Bearer " + token)
        .get("/probe/items/missing")
        .then()
        .statusCode(404);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    given()
        .header("Authorization", "Bearer " + forged)
        .get("/probe/items/missing")
        .then()
        .statusCode(401);
  }
}
