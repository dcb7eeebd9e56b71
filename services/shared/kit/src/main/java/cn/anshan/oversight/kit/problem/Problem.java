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

  /** Rule violations with the title their status implies (ProblemException.rule). */
  public static Problem ofRules(int status, List<RuleViolation> violations) {
    String title =
        switch (status) {
          case 403 -> "Forbidden by rule";
          case 409 -> "Conflict with rule";
          default -> "Business rule violated";
        };
    return ofRules(status, title, violations);
  }

  public static Problem ofFields(List<FieldError> errors) {
    String detail =
        String.join("; ", errors.stream().map(e -> e.pointer() + ": " + e.detail()).toList());
    return new Problem(
        TYPE_BASE + "invalid-request", "Invalid request", 400, detail, null, null, null, errors);
  }

  /** 401: the answer to a request without a valid token, with {@code WWW-Authenticate: Bearer}. */
  public static Problem unauthenticated() {
    return of(401, "unauthenticated", "Unauthenticated", "a valid bearer token is required");
  }

  /** 403 for a role the operation does not admit ({@code @RolesAllowed}). */
  public static Problem roleForbidden() {
    return of(403, "forbidden", "Forbidden", "your role may not perform this operation");
  }

  /** 428: a conditional command sent without If-Match (DESIGN §3). */
  public static Problem preconditionRequired() {
    return of(
        428,
        "precondition-required",
        "Precondition required",
        "send If-Match with the ETag of the version you read");
  }

  /** 412: If-Match names another version than the current one. */
  public static Problem preconditionFailed(long currentVersion, String ifMatch) {
    return of(
        412,
        "precondition-failed",
        "Precondition failed",
        "the resource is at version " + currentVersion + ", not " + ifMatch + "; read it again");
  }

  public Problem withInstance(String instance) {
    return new Problem(type, title, status, detail, instance, rules, violations, errors);
  }
}
