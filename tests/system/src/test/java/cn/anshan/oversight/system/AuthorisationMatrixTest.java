package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 §3, the authorisation matrix, generated from the OpenAPI documents the services serve,
 * with real Keycloak tokens. Two dimensions:
 *
 * <ul>
 *   <li>Role: every operation × one demo user per role. An operation must declare the roles it
 *       admits ({@code security}) or have a line in {@code authorisation-decisions.txt}; a user
 *       none of whose roles is admitted gets 403, an admitted one is never refused (no 401/403;
 *       random ids).
 *   <li>Object ({@link ObjectMatrix}): own and foreign object. The story's requests on objects
 *       (recorded by {@link Api} in the {@link RequestJournal}; this class runs after {@code
 *       StoryTest} in the same JVM) and probes for the reads it did not make are the own rows; the
 *       same requests as the user of the same role in another scope (institution, district, school,
 *       family) are the foreign rows, expected 403 or 404. A foreign 2xx is exactly the defect this
 *       test reports, and because such a request may change state it is replayed only after the
 *       story finished. Every operation on an object needs own and foreign rows for every role it
 *       admits, or a line in {@code object-decisions.txt}: an object endpoint cannot ship without
 *       an object-level decision either.
 * </ul>
 *
 * <p>The matrix is written to {@code target/authorisation-matrix.csv}.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(3)
class AuthorisationMatrixTest {

  private static final String HEADER =
      "service,method,path,object,user,roles,admitted,expected,status,source";

  private final Endpoints urls = Endpoints.fromEnvironment();
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
  private final Tokens tokens = new Tokens(urls, http);
  private final DemoUsers users = new DemoUsers(tokens);
  private final List<String> rows = new ArrayList<>(List.of(HEADER));
  private ServedApis apis;
  private ObjectMatrix objects;
  private int roleCells;

  @TestFactory
  Stream<DynamicTest> everyOperationTimesEveryRoleTimesOwnAndForeignObject() {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "every service serves its OpenAPI document", () -> apis = ServedApis.load(urls)));
    for (String service : urls.services().keySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              service + ": every operation declares its roles and admits only them",
              () -> checkRoles(service)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "own and foreign objects: the story's requests replayed by another scope",
            () -> {
              // narrates ObjectsBeyondTheStory's requests; the matrix's own are quiet (the CSV)
              Api api = new Api(urls, new Narrator(System.out, false));
              int storyRequests = RequestJournal.exchanges().size();
              new ObjectsBeyondTheStory(api).create();
              objects = new ObjectMatrix(apis, api, users);
              objects.run(storyRequests);
              for (ObjectMatrix.Row r : objects.rows()) {
                rows.add(csv(r.op(), r.object(), r.user(), r.expected(), r.status(), r.source()));
              }
              assertAll(
                  () ->
                      assertEquals(
                          List.of(),
                          objects.foreignSuccess(),
                          "another scope used an object (a 2xx where 403/404 was due)"),
                  () -> assertEquals(List.of(), objects.unexpected(), "unexpected answers"));
            }));
    tests.add(
        DynamicTest.dynamicTest(
            "every operation on an object has own/foreign rows or a line in object-decisions.txt",
            () ->
                assertAll(
                    () ->
                        assertEquals(
                            List.of(),
                            objects.uncovered(),
                            "operations without an object decision"),
                    () ->
                        assertEquals(
                            List.of(),
                            objects.staleDecisions(),
                            "stale lines in object-decisions.txt"))));
    tests.add(
        DynamicTest.dynamicTest(
            "the matrix is written to target/authorisation-matrix.csv", this::writeMatrix));
    return tests.stream();
  }

  private void checkRoles(String service) throws Exception {
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (Operation op : apis.operations()) {
      if (!op.service().equals(service)) {
        continue;
      }
      if (op.roles().isEmpty() && op.decision() == null) {
        wrong.add(
            op.method()
                + " "
                + op.path()
                + ": no roles declared and no line in authorisation-decisions.txt");
        continue;
      }
      String url = op.base() + op.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      for (String user : DemoUsers.ONE_PER_ROLE) {
        Set<String> roles = users.roles(user);
        boolean allowed = op.admits(roles);
        int status = send(op.method(), url, tokens.of(user)).statusCode();
        cells++;
        rows.add(
            csv(
                op,
                "none",
                user,
                allowed ? "not 401/403" : "403",
                Integer.toString(status),
                "role"));
        if (allowed ? (status == 401 || status == 403) : status != 403) {
          wrong.add(
              op.method()
                  + " "
                  + op.path()
                  + " as "
                  + user
                  + " → "
                  + status
                  + " (admits "
                  + op.roles()
                  + ")");
        }
      }
    }
    roleCells += cells;
    System.out.printf("[matrix] %s: %d role cells%n", service, cells);
    assertTrue(cells > 0, "no operations");
    assertEquals(List.of(), wrong, service + ": " + cells + " cells checked");
  }

  private void writeMatrix() throws Exception {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/authorisation-matrix.csv"), rows);
    Map<String, Long> cases = new TreeMap<>(Map.of("none (role)", (long) roleCells));
    for (ObjectMatrix.Row r : objects.rows()) {
      String kind =
          r.expected().startsWith("n/a")
              ? " n/a (city-wide)"
              : r.expected().startsWith("not-in-story") ? " not-in-story" : "";
      cases.merge(r.object() + kind, 1L, Long::sum);
    }
    long operations = apis.operations().size();
    System.out.printf(
        "[matrix] operations × roles × cases = %d × %d × {none (role), own, foreign} = %d rows: %s%n",
        operations, DemoUsers.ONE_PER_ROLE.size(), rows.size() - 1, cases);
    System.out.println("[matrix] " + objects.coverageSummary());
    assertTrue(roleCells == operations * DemoUsers.ONE_PER_ROLE.size(), "every role cell ran");
  }

  private String csv(
      Operation op, String object, String user, String expected, String status, String source) {
    String admits =
        op.decision() != null ? op.decision().name().toLowerCase() : String.join(" ", op.roles());
    String admitted =
        source.equals("decision") || user.equals("-")
            ? ""
            : Boolean.toString(op.admits(users.roles(user)));
    return String.join(
        ",",
        op.service(),
        op.method(),
        op.path(),
        object,
        user,
        admits,
        admitted,
        csvField(expected),
        status,
        source);
  }

  private static String csvField(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
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
