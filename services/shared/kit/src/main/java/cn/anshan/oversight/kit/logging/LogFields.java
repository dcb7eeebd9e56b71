package cn.anshan.oversight.kit.logging;

import org.jboss.logging.MDC;

/**
 * The fields every log line of a request carries in the JSON logs (issue 20 item 3): the
 * correlation id shared with the events it caused, the role the caller acted in, and on a refusal
 * the rule IDs. Never a token, a name or a subject: a log is read by more people than the data.
 * Quarkus keeps the MDC per request (Vert.x duplicated context), so it ends with the request.
 */
public final class LogFields {
  public static final String CORRELATION_ID = "correlationId";
  public static final String ACTOR_ROLE = "actorRole";
  public static final String RULE = "rule";

  private LogFields() {}

  public static void correlation(String correlationId) {
    MDC.put(CORRELATION_ID, correlationId);
  }

  public static void actorRole(String role) {
    MDC.put(ACTOR_ROLE, role);
  }

  public static void rules(String rules) {
    MDC.put(RULE, rules);
  }
}
