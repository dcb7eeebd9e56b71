package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.system.story.StoryContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 §3, field-level exposure: a parent's or the public's view never contains staff personal
 * data, ID numbers or account numbers ({@link PersonalData}). Two checks per audience (the parent
 * role; the operations {@code authorisation-decisions.txt} opens to every signed-in user):
 *
 * <ul>
 *   <li>Schema: every GET operation the audience is admitted to, by the served OpenAPI document:
 *       the 2xx response schema, {@code $ref}s, arrays, nested objects and {@code
 *       allOf/oneOf/anyOf} resolved, has no denylisted property and reaches no staff schema.
 *   <li>Bodies: every 2xx GET answer the audience got in this run (story and matrix probes, from
 *       the {@link RequestJournal}) has no denylisted property and nothing shaped like a resident
 *       ID number.
 * </ul>
 *
 * <p>Every such GET must document its 2xx response schema: an operation without one fails, so a new
 * parent-visible view cannot ship unchecked. Free JSON (the audit's event data, {@code EventJson})
 * has no properties to check; the answers cover it.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(4)
class FieldExposureTest {

  private static final Set<String> PARENTS = Set.of(StoryContext.PARENT_1, StoryContext.PARENT_2);

  private final Endpoints urls = Endpoints.fromEnvironment();

  @TestFactory
  Stream<DynamicTest> parentsAndThePublicNeverSeePersonalData() throws Exception {
    ServedApis apis = ServedApis.load(urls);
    List<RequestJournal.Exchange> journal = RequestJournal.exchanges();
    return Stream.of(
        DynamicTest.dynamicTest(
            "the parent role's views", () -> check(apis, journal, "parent", this::forParents)),
        DynamicTest.dynamicTest(
            "the views open to every signed-in user (public register, published fees)",
            () -> check(apis, journal, "public", this::forEveryone)));
  }

  private interface Audience {
    boolean sees(Operation op, RequestJournal.Exchange e);
  }

  private boolean forParents(Operation op, RequestJournal.Exchange e) {
    return op.roles().contains("parent") && (e == null || PARENTS.contains(e.user()));
  }

  private boolean forEveryone(Operation op, RequestJournal.Exchange e) {
    return op.decision() != null;
  }

  private void check(
      ServedApis apis, List<RequestJournal.Exchange> journal, String audience, Audience who) {
    List<String> exposed = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    int operations = 0;
    int properties = 0;
    int bodies = 0;
    Map<Operation, Integer> seen = new LinkedHashMap<>();
    for (RequestJournal.Exchange e : journal) {
      if (!e.method().equals("GET") || !e.is2xx()) {
        continue;
      }
      Operation op = apis.match("GET", e.url()).orElse(null);
      if (op == null || !who.sees(op, e)) {
        continue;
      }
      seen.merge(op, 1, Integer::sum);
      bodies++;
      if (PersonalData.showsResidentId(e.responseBody())) {
        exposed.add(e.user() + " GET " + e.url() + ": a resident ID number in the answer");
      }
      try {
        JsonNode body = Api.JSON.readTree(e.responseBody() == null ? "" : e.responseBody());
        for (String field : deniedFields(body, "")) {
          exposed.add(e.user() + " GET " + e.url() + ": " + field);
        }
      } catch (IOException notJson) {
        // the resident-ID check above covers non-JSON answers
      }
    }
    for (Operation op : apis.operations()) {
      if (!op.method().equals("GET") || !who.sees(op, null)) {
        continue;
      }
      operations++;
      ResponseSchema schema = new ResponseSchema(op.doc());
      JsonNode success = op.successSchema();
      if (success.isMissingNode()) {
        unchecked.add(
            op.key() + ": no 2xx response schema (document it with @APIResponse content)");
        continue;
      }
      schema.walk(success, "");
      properties += schema.properties();
      schema.denied().forEach(d -> exposed.add(op.key() + " schema: " + d));
    }
    System.out.printf(
        "[exposure] %s: %d GET operations, %d schema properties, %d answers (%d operations)"
            + " checked%n",
        audience, operations, properties, bodies, seen.size());
    assertTrue(operations > 0, "no " + audience + " operations");
    assertEquals(List.of(), exposed, audience + ": personal data exposed");
    assertEquals(List.of(), unchecked, audience + ": operations without a response schema");
  }

  /** Denylisted property names in a JSON answer, as JSON paths. */
  private static Set<String> deniedFields(JsonNode n, String path) {
    Set<String> out = new LinkedHashSet<>();
    if (n.isArray()) {
      n.forEach(c -> out.addAll(deniedFields(c, path + "[]")));
    } else if (n.isObject()) {
      n.properties()
          .forEach(
              f -> {
                String p = path + "/" + f.getKey();
                String denied = PersonalData.deniedField(f.getKey());
                if (denied != null) {
                  out.add(p + " (" + denied + ")");
                }
                out.addAll(deniedFields(f.getValue(), p));
              });
    }
    return out;
  }
}
