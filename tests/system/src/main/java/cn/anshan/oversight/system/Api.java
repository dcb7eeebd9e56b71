package cn.anshan.oversight.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * HTTP calls as a named demo user (bearer token from {@link Tokens}), each narrated and recorded in
 * the {@link RequestJournal}. Command POSTs get a fresh {@code Idempotency-Key}.
 */
public final class Api {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoints endpoints;
  private final HttpClient http;
  private final Tokens tokens;
  private final Narrator narrator;

  public Api(Endpoints endpoints, Narrator narrator) {
    this.endpoints = endpoints;
    this.http = HttpClients.http11(Duration.ofSeconds(10));
    this.tokens = new Tokens(endpoints, http);
    this.narrator = narrator;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public Tokens tokens() {
    return tokens;
  }

  public Narrator narrator() {
    return narrator;
  }

  /** A request being built: {@code api.as("operator-a").post(url, body).ifMatch(e).send()}. */
  public final class Call {
    private final String user;
    private final String method;
    private final String url;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Function<Answer, String> summary = a -> defaultSummary(a);
    private boolean quiet;

    private Call(String user, String method, String url, Object body) {
      this.user = user;
      this.method = method;
      this.url = url;
      this.body = body;
      if ("POST".equals(method) || "PUT".equals(method)) {
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
      }
    }

    public Call header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, value);
      }
      return this;
    }

    public Call ifMatch(String etag) {
      return header("If-Match", etag);
    }

    /** Which fields of the answer the narration shows. */
    public Call showing(String... fields) {
      this.summary = a -> summary(a, fields);
      return this;
    }

    /** Not narrated (polling). */
    public Call quietly() {
      this.quiet = true;
      return this;
    }

    public Answer send() {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
      b.header("Authorization", "Bearer " + tokens.of(user));
      headers.forEach(b::header);
      String requestBody = body == null ? null : toJson(body);
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(requestBody));
      }
      HttpResponse<String> res;
      try {
        res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new StoryFailure(method + " " + url + " failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoryFailure("interrupted");
      }
      String text = res.body();
      RequestJournal.record(
          new RequestJournal.Exchange(
              user, method, url, Map.copyOf(headers), requestBody, res.statusCode(), text));
      Answer a =
          new Answer(
              user, method, url, res.statusCode(), res.headers().map(), text, Answer.parse(text));
      if (!quiet) {
        narrator.call(a.user(), method, url, a.status(), summary.apply(a));
      }
      return a;
    }
  }

  /** Calls made as {@code user} (null = without a token). */
  public final class As {
    private final String user;

    private As(String user) {
      this.user = user;
    }

    public Call get(String url) {
      return new Call(user, "GET", url, null);
    }

    public Call post(String url, Object body) {
      return new Call(user, "POST", url, body);
    }

    public Call put(String url, Object body) {
      return new Call(user, "PUT", url, body);
    }

    /** Any method, e.g. a replay of a recorded request ({@code body} null: none). */
    public Call call(String method, String url, Object body) {
      return new Call(user, method, url, body);
    }
  }

  public As as(String user) {
    return new As(user);
  }

  public static String toJson(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The named fields of a 2xx answer ({@code name=value …}); a refusal's problem otherwise. */
  static String summary(Answer a, String... fields) {
    if (!a.is2xx() || fields.length == 0) {
      return defaultSummary(a);
    }
    StringBuilder sb = new StringBuilder();
    for (String f : fields) {
      String v = a.text(f);
      if (!v.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : " ").append(f.replaceFirst("^/", "")).append('=').append(v);
      }
    }
    return sb.toString();
  }

  static String defaultSummary(Answer a) {
    if (a.is2xx()) {
      String etag = a.etag();
      return etag == null ? "" : "ETag " + etag;
    }
    if (a.json() != null) {
      String title = a.text("title");
      String type = a.text("type");
      String detail = a.text("detail");
      return (type + " " + title + (detail.isEmpty() ? "" : ": " + detail)).trim();
    }
    return Answer.abbreviate(a.body());
  }
}
