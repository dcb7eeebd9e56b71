package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.system.story.StoryContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 §3 (token attacks), against every service of the running platform with real Keycloak
 * tokens: expired, wrong issuer (the master realm), wrong audience (a client without the
 * oversight-api audience), {@code alg: none}, tampered payload and tampered signature → 401, while
 * the genuine token of the same user is accepted. And without a token, every operation of every
 * service's served OpenAPI document answers 401; only health and OpenAPI answer.
 */
@ExtendWith(LocalPlatformFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(2)
class TokenAttackTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final Endpoints urls = Endpoints.fromEnvironment();
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
  private final Tokens tokens = new Tokens(urls, http);

  /** One GET per service that the auditor may call (the control) and every attack is sent to. */
  private Map<String, String> probes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "institution-registry",
        urls.registry() + "/api/v1/institution-applications/" + StoryContext.INSTITUTION_A);
    m.put("escrow-monitor", urls.escrow() + "/api/v1/escrow/orders");
    m.put("enrolment", urls.enrolment() + "/api/v1/programmes");
    m.put("fee-approval", urls.fee() + "/api/v1/fee-proposals");
    m.put("audit", urls.audit() + "/api/v1/audit/events");
    return m;
  }

  private Map<String, String> attacks;
  private String genuine;

  @BeforeAll
  void forgeTokens() throws Exception {
    genuine = tokens.of(StoryContext.AUDITOR);
    attacks = new LinkedHashMap<>();
    attacks.put("expired", expiredToken());
    attacks.put("wrong issuer (master realm)", masterRealmToken());
    attacks.put("wrong audience (client admin-cli)", wrongAudienceToken());
    attacks.put("alg none", algNone(genuine));
    attacks.put("tampered payload (auditor → regulator of tiedong)", tamperedPayload(genuine));
    attacks.put("tampered signature", tamperedSignature(genuine));
    attacks.put("garbage", "not-a-jwt");
  }

  @TestFactory
  Stream<DynamicTest> everyAttackIsRefusedByEveryService() {
    List<DynamicTest> tests = new ArrayList<>();
    probes()
        .forEach(
            (service, url) -> {
              tests.add(
                  DynamicTest.dynamicTest(
                      service + ": the genuine token is accepted",
                      () -> assertEquals(200, get(url, genuine), url)));
              attacks.forEach(
                  (name, token) ->
                      tests.add(
                          DynamicTest.dynamicTest(
                              service + ": " + name + " → 401",
                              () -> assertEquals(401, get(url, token), url))));
            });
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> withoutATokenOnlyHealthAndOpenApiAnswer() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, String> s : urls.services().entrySet()) {
      String base = s.getValue();
      tests.add(
          DynamicTest.dynamicTest(
              s.getKey() + ": health and OpenAPI answer without a token",
              () -> {
                assertEquals(200, get(base + "/q/health/ready", null));
                assertEquals(200, get(base + "/q/openapi", null));
              }));
      tests.add(
          DynamicTest.dynamicTest(
              s.getKey() + ": every operation of its OpenAPI document → 401 without a token",
              () -> {
                JsonNode doc = Api.JSON.readTree(body(base + "/q/openapi?format=json"));
                List<String> wrong = new ArrayList<>();
                int count = 0;
                for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
                    paths.hasNext(); ) {
                  Map.Entry<String, JsonNode> p = paths.next();
                  String path = p.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                  for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                      continue;
                    }
                    count++;
                    int status = send(method, base + path, null);
                    if (Decisions.of(s.getKey(), method, p.getKey()) == Decisions.Kind.PUBLIC) {
                      System.out.printf(
                          "[no token] %s %s %s → %d (decided public)%n",
                          s.getKey(), method, p.getKey(), status);
                    } else if (status != 401) {
                      wrong.add(method + " " + p.getKey() + " → " + status);
                    }
                  }
                }
                assertTrue(count > 0, "no operations in the served OpenAPI document");
                assertEquals(List.of(), wrong, count + " operations checked");
              }));
    }
    return tests.stream();
  }

  // ------------------------------------------------------------------ forging

  /** A token of the realm's own key that is already expired: a 2 s lifespan for one grant. */
  private String expiredToken() throws Exception {
    String admin = masterToken();
    String realm = urls.keycloak() + "/admin/realms/" + Endpoints.REALM;
    JsonNode rep = Api.JSON.readTree(send("GET", realm, admin, null).body());
    int lifespan = rep.path("accessTokenLifespan").asInt(900);
    put(realm, admin, "{\"accessTokenLifespan\":2}");
    String token;
    try {
      token =
          tokens.grant(StoryContext.AUDITOR, StoryContext.AUDITOR).path("access_token").asText();
    } finally {
      put(realm, admin, "{\"accessTokenLifespan\":" + lifespan + "}");
    }
    long exp = Tokens.claims(token).path("exp").asLong();
    while (System.currentTimeMillis() / 1000 <= exp + 1) {
      Thread.sleep(250);
    }
    return token;
  }

  private String masterToken() throws Exception {
    return passwordGrant(urls.keycloak() + "/realms/master", "admin-cli", "admin", "admin");
  }

  private String masterRealmToken() throws Exception {
    String t = masterToken();
    assertNotEquals(urls.issuer(), Tokens.claims(t).path("iss").asText());
    return t;
  }

  private String wrongAudienceToken() throws Exception {
    String t =
        passwordGrant(urls.issuer(), "admin-cli", StoryContext.AUDITOR, StoryContext.AUDITOR);
    assertTrue(
        !Tokens.claims(t).path("aud").toString().contains("oversight-api"),
        "admin-cli token has aud oversight-api");
    return t;
  }

  private static String algNone(String jwt) {
    String[] p = jwt.split("\\.");
    String header =
        B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + p[1] + ".";
  }

  private static String tamperedPayload(String jwt) throws IOException {
    String[] p = jwt.split("\\.");
    ObjectNode claims = (ObjectNode) Api.JSON.readTree(B64D.decode(p[1]));
    ((ObjectNode) claims.path("realm_access")).putArray("roles").add("regulator");
    claims.put("district", "tiedong");
    return p[0] + "." + B64.encodeToString(Api.JSON.writeValueAsBytes(claims)) + "." + p[2];
  }

  private static String tamperedSignature(String jwt) {
    String[] p = jwt.split("\\.");
    byte[] sig = B64D.decode(p[2]);
    sig[sig.length / 2] ^= 0x01;
    return p[0] + "." + p[1] + "." + B64.encodeToString(sig);
  }

  // ------------------------------------------------------------------ HTTP

  private String passwordGrant(String issuer, String client, String user, String password)
      throws Exception {
    String form =
        "grant_type=password&client_id="
            + enc(client)
            + "&username="
            + enc(user)
            + "&password="
            + enc(password);
    HttpResponse<String> res =
        http.send(
            HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        200, res.statusCode(), "token from " + issuer + " for " + client + ": " + res.body());
    return Api.JSON.readTree(res.body()).path("access_token").asText();
  }

  private void put(String url, String bearer, String json) throws Exception {
    HttpResponse<String> res = send("PUT", url, bearer, json);
    assertEquals(204, res.statusCode(), "PUT " + url + ": " + res.body());
  }

  private int get(String url, String bearer) throws Exception {
    return send("GET", url, bearer, null).statusCode();
  }

  private int send(String method, String url, String bearer) throws Exception {
    return send(method, url, bearer, method.equals("GET") || method.equals("DELETE") ? null : "{}")
        .statusCode();
  }

  private String body(String url) throws Exception {
    return send("GET", url, null, null).body();
  }

  private HttpResponse<String> send(String method, String url, String bearer, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
