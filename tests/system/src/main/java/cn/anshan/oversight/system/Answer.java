package cn.anshan.oversight.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One HTTP answer: status, headers and the body (as JSON when it is JSON). */
public record Answer(
    String user,
    String method,
    String url,
    int status,
    Map<String, List<String>> headers,
    String body,
    JsonNode json) {

  /** The body as JSON when it is a JSON object or array, else null. */
  static JsonNode parse(String text) {
    if (text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("["))) {
      return null;
    }
    try {
      return Api.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  public String etag() {
    return header("ETag");
  }

  /** A field by JSON pointer ("/a/b") or plain name; empty string when missing. */
  public String text(String field) {
    JsonNode n = node(field);
    return n.isMissingNode() || n.isNull() ? "" : (n.isValueNode() ? n.asText() : n.toString());
  }

  public JsonNode node(String field) {
    if (json == null) {
      return MissingNode.getInstance();
    }
    return field.startsWith("/") ? json.at(field) : json.path(field);
  }

  /** Fails the story unless the status is one of {@code expected}. */
  public Answer expect(int... expected) {
    if (Arrays.stream(expected).noneMatch(s -> s == status)) {
      throw new StoryFailure(
          user
              + " "
              + method
              + " "
              + url
              + ": expected "
              + Arrays.toString(expected)
              + " but got "
              + status
              + " "
              + abbreviate(body));
    }
    return this;
  }

  /** Fails the story unless the body (problem+json or other) mentions the rule ID. */
  public Answer expectRule(String ruleId) {
    if (body == null || !body.contains(ruleId)) {
      throw new StoryFailure(
          user
              + " "
              + method
              + " "
              + url
              + ": expected the answer to name "
              + ruleId
              + ", got "
              + status
              + " "
              + abbreviate(body));
    }
    return this;
  }

  public boolean is2xx() {
    return status >= 200 && status < 300;
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 600 ? one.substring(0, 600) + "…" : one;
  }
}
