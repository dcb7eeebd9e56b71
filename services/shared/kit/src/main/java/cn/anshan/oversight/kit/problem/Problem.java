package cn.anshan.oversight.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details. {@code rules}/{@code violations} name broken DOMAIN.md rules; {@code
 * errors} lists invalid request fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<String> rules,
    List<RuleViolation> violations,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://oversight.anshan.gov.cn/problems/";

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(TYPE_BASE + slug, title, status, detail, null, null, null, null);
  }

  public static Problem ofRules(List<RuleViolation> violations) {
    return ofRules(422, "Business rule violated", violations);
  }

  /** Rule violations answered with another status, e.g. 403 for a regulator outside REG-08. */
  public static Problem ofRules(int status, String title, List<RuleViolation> violations) {
    List<String> rules = violations.stream().map(RuleViolation::rule).distinct().toList();
    String type =
        rules.size() == 1 ? TYPE_BASE + "rules/" + rules.get(0) : TYPE_BASE + "rule-violations";
    String detail = String.join("; ", violations.stream().map(RuleViolation::toString).toList());
    return new Problem(type, title, status, detail, null, rules, violations, null);
  }

  public static Problem ofFields(List<FieldError> errors) {
    String detail =
        String.join("; ", errors.stream().map(e -> e.pointer() + ": " + e.detail()).toList());
    return new Problem(
        TYPE_BASE + "invalid-request", "Invalid request", 400, detail, null, null, null, errors);
  }

  public Problem withInstance(String instance) {
    return new Problem(type, title, status, detail, instance, rules, violations, errors);
  }
}
