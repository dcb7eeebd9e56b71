package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.system.story.StoryContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 §3, the role dimension of the authorisation matrix, generated from the OpenAPI documents
 * the services serve: every operation × every demo user (real Keycloak tokens). An operation must
 * declare the roles it admits ({@code security}); a user none of whose roles is admitted gets 403;
 * a user whose role is admitted is never refused authentication (no 401). Object-level outcomes
 * (own/foreign object → 2xx/404) are checked by the story steps, not here. The matrix is written to
 * {@code target/authorisation-matrix.csv}.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(3)
class AuthorisationMatrixTest {

  private static final List<String> USERS =
      List.of(
          StoryContext.OPERATOR_A,
          StoryContext.REGULATOR_TIEDONG,
          StoryContext.PRICING_OFFICER,
          StoryContext.CITY_GOV,
          StoryContext.SCHOOL_ADMIN,
          StoryContext.PARENT_1,
          StoryContext.BANK,
          StoryContext.AUDITOR);

  private final Endpoints urls = Endpoints.fromEnvironment();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Tokens tokens = new Tokens(urls, http);
  private final List<String> rows =
      new ArrayList<>(List.of("service,method,path,user,roles,admitted,expected,status"));

  @TestFactory
  Stream<DynamicTest> everyOperationTimesEveryRole() {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    for (String u : USERS) {
      Set<String> r = new LinkedHashSet<>();
      Tokens.claims(tokens.of(u))
          .path("realm_access")
          .path("roles")
          .forEach(n -> r.add(n.asText()));
      roles.put(u, r);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, String> s : urls.services().entrySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              s.getKey() + ": every operation declares its roles and admits only them",
              () -> checkService(s.getKey(), s.getValue(), roles)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "the matrix is written to target/authorisation-matrix.csv",
            () -> {
              Files.createDirectories(Path.of("target"));
              Files.write(Path.of("target/authorisation-matrix.csv"), rows);
              assertTrue(rows.size() > 1);
            }));
    return tests.stream();
  }

  private void checkService(String service, String base, Map<String, Set<String>> roles)
      throws Exception {
    JsonNode doc = Api.JSON.readTree(send("GET", base + "/q/openapi?format=json", null).body());
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      String url = base + p.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase();
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          continue;
        }
        Set<String> admitted = new LinkedHashSet<>();
        op.getValue()
            .path("security")
            .forEach(
                req ->
                    req.fields()
                        .forEachRemaining(
                            e -> e.getValue().forEach(r -> admitted.add(r.asText()))));
        Decisions.Kind decision =
            admitted.isEmpty() ? Decisions.of(service, method, p.getKey()) : null;
        if (admitted.isEmpty() && decision == null) {
          wrong.add(
              method
                  + " "
                  + p.getKey()
                  + ": no roles declared and no line in authorisation-decisions.txt");
          continue;
        }
        for (Map.Entry<String, Set<String>> u : roles.entrySet()) {
          boolean allowed = decision != null || u.getValue().stream().anyMatch(admitted::contains);
          int status = send(method, url, tokens.of(u.getKey())).statusCode();
          cells++;
          String expected = allowed ? "not 401/403" : "403";
          rows.add(
              String.join(
                  ",",
                  service,
                  method,
                  p.getKey(),
                  u.getKey(),
                  decision != null ? decision.name().toLowerCase() : String.join(" ", admitted),
                  Boolean.toString(allowed),
                  expected,
                  Integer.toString(status)));
          if (allowed ? (status == 401 || status == 403) : status != 403) {
            wrong.add(
                method
                    + " "
                    + p.getKey()
                    + " as "
                    + u.getKey()
                    + " → "
                    + status
                    + " (admits "
                    + admitted
                    + ")");
          }
        }
      }
    }
    System.out.printf("[matrix] %s: %d cells%n", service, cells);
    assertTrue(cells > 0, "no operations");
    assertEquals(List.of(), wrong, service + ": " + cells + " cells checked");
  }

  private HttpResponse<String> send(String method, String url, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (method.equals("GET") || method.equals("DELETE")) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .header("If-Match", "\"1\"")
          .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
