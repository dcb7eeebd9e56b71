package cn.anshan.oversight.kit.openapi;

import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.RuleViolation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error answer is RFC 9457 problem+json (kit {@code problem/ProblemMappers}), so every error
 * response in the contract says so, with the {@code Problem} schema and an example built by the
 * same factories the services answer with. Where the response's description names DOMAIN.md rule
 * IDs, the example is the rule violation a client will see, one entry per rule.
 */
final class ProblemResponses {
  static final String PROBLEM = "Problem";
  private static final String SCHEMAS = "#/components/schemas/";

  /** DOMAIN.md rule IDs: {@code REG-04}, {@code LN-PRE-04}, {@code LN-ASV-01}. */
  static final Pattern RULE_ID = Pattern.compile("\\b(?:LN-)?[A-Z]{2,4}-\\d{2}\\b");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SAMPLE_ID = "0b7c6f0e-5d1a-4c39-9a51-2f0c2d9e8a41";

  private ProblemResponses() {}

  static void document(String path, Operation operation, Components components) {
    if (operation.getResponses() == null) {
      return;
    }
    operation
        .getResponses()
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (isError(code) && response.getRef() == null) {
                response.setContent(
                    problemContent(
                        examples(Integer.parseInt(code), response, operation, components).stream()
                            .map(problem -> problem.withInstance(instance(path)))
                            .toList()));
              }
            });
  }

  static void addSchemas(Components components) {
    components.addSchema(PROBLEM, problemSchema());
    components.addSchema(
        "RuleViolation",
        object("One broken business rule", "rule", "detail")
            .addProperty(
                "rule",
                string("The rule's ID in DOMAIN.md").pattern(RULE_ID.pattern().replace("\\b", "")))
            .addProperty("detail", string("What broke it")));
    components.addSchema(
        "FieldError",
        object("A failing request field", "pointer", "detail")
            .addProperty("pointer", string("RFC 6901 JSON pointer into the request body"))
            .addProperty("detail", string("What is wrong with it")));
  }

  private static boolean isError(String code) {
    return code.length() == 3 && Character.isDigit(code.charAt(0)) && code.charAt(0) >= '4';
  }

  /** One example per rule the description names (a client meets one at a time), else one. */
  static List<Problem> examples(
      int status, APIResponse response, Operation op, Components components) {
    String description = response.getDescription() == null ? "" : response.getDescription();
    List<RuleViolation> violations = violations(description);
    if (status == 400 || status == 401 || status == 404 || status == 412 || status == 428) {
      violations = List.of();
    }
    if (!violations.isEmpty()) {
      return violations.stream().map(v -> Problem.ofRules(status, List.of(v))).toList();
    }
    return List.of(
        switch (status) {
          case 400 -> Problem.ofFields(List.of(fieldError(op, components)));
          case 401 -> Problem.unauthenticated();
          case 403 -> Problem.roleForbidden();
          case 404 -> Problem.of(404, "not-found", "Not found", description);
          case 412 -> Problem.preconditionFailed(4, "\"3\"");
          case 428 -> Problem.preconditionRequired();
          default -> Problem.of(status, slug(status), reason(status), description);
        });
  }

  private static String slug(int status) {
    return status == 409 ? "conflict" : "http-" + status;
  }

  private static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "HTTP " + status : known.getReasonPhrase();
  }

  /**
   * One violation per rule ID in the description, with the clause that names it as detail: "REL-04:
   * the session was already asked for; or LST-01: …" gives REL-04 and LST-01.
   */
  static List<RuleViolation> violations(String description) {
    List<RuleViolation> violations = new ArrayList<>();
    String[] clauses = description.split(";");
    Matcher ids = RULE_ID.matcher(description);
    while (ids.find()) {
      String rule = ids.group();
      if (violations.stream().anyMatch(v -> v.rule().equals(rule))) {
        continue;
      }
      String clause = description;
      for (String candidate : clauses) {
        if (candidate.contains(rule)) {
          clause = candidate;
          break;
        }
      }
      violations.add(new RuleViolation(rule, detail(clause, rule)));
    }
    return violations;
  }

  private static String detail(String clause, String rule) {
    String detail = clause.trim().replaceFirst("^(or|and) ", "");
    if (detail.startsWith(rule + ":")) {
      detail = detail.substring(rule.length() + 1).trim();
    }
    return detail.isEmpty() ? clause.trim() : detail;
  }

  /** The field a 400 most likely names: the body's first required field, else the cursor. */
  private static FieldError fieldError(Operation op, Components components) {
    Schema body = requestSchema(op, components);
    if (body != null && body.getRequired() != null && !body.getRequired().isEmpty()) {
      return new FieldError("/" + body.getRequired().get(0), "must not be null");
    }
    boolean pages =
        op.getParameters() != null
            && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "cursor".equals(p.getName()));
    return pages
        ? new FieldError("/cursor", "not a cursor from this API")
        : new FieldError("", "Idempotency-Key must be 1 to 255 characters");
  }

  private static Schema requestSchema(Operation op, Components components) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return null;
    }
    return op.getRequestBody().getContent().getMediaTypes().values().stream()
        .map(media -> media.getSchema())
        .filter(schema -> schema != null && schema.getRef() != null)
        .map(schema -> components.getSchemas().get(schema.getRef().replace(SCHEMAS, "")))
        .findFirst()
        .orElse(null);
  }

  private static String instance(String path) {
    return path.replaceAll("\\{[^}]*}", SAMPLE_ID);
  }

  private static Content problemContent(List<Problem> examples) {
    MediaType media =
        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM));
    if (examples.size() == 1) {
      media.setExample(asJson(examples.get(0)));
    } else {
      examples.forEach(
          problem ->
              media.addExample(
                  problem.rules().get(0),
                  OASFactory.createExample().summary(problem.detail()).value(asJson(problem))));
    }
    return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
  }

  private static Map<?, ?> asJson(Problem problem) {
    return JSON.convertValue(problem, Map.class);
  }

  private static Schema problemSchema() {
    return object("RFC 9457 problem details", "type", "title", "status")
        .addProperty("type", string("Identifies the problem; for one broken rule, names it"))
        .addProperty("title", string("Short summary of the problem type"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .format("int32")
                .minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599)))
        .addProperty("detail", string("What happened, for a person"))
        .addProperty("instance", string("The request path"))
        .addProperty(
            "rules",
            array(string("A DOMAIN.md rule ID")).description("The broken rules' IDs, once each"))
        .addProperty("violations", array(OASFactory.createSchema().ref(SCHEMAS + "RuleViolation")))
        .addProperty("errors", array(OASFactory.createSchema().ref(SCHEMAS + "FieldError")));
  }

  private static Schema object(String description, String... required) {
    return OASFactory.createSchema()
        .addType(SchemaType.OBJECT)
        .description(description)
        .required(List.of(required));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
  }

  private static Schema array(Schema items) {
    return OASFactory.createSchema().addType(SchemaType.ARRAY).items(items);
  }
}
