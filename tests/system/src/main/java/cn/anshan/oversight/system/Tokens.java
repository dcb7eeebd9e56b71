package cn.anshan.oversight.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password-grant access tokens of the realm's demo users (password = user name, public client
 * {@code oversight-cli}), cached until shortly before they expire.
 */
public final class Tokens {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Cached(String token, Instant expires) {}

  private final Endpoints endpoints;
  private final HttpClient http;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Tokens(Endpoints endpoints, HttpClient http) {
    this.endpoints = endpoints;
    this.http = http;
  }

  public String of(String user) {
    Cached c = cache.get(user);
    if (c != null && Instant.now().isBefore(c.expires().minusSeconds(60))) {
      return c.token();
    }
    JsonNode body = grant(user, user);
    String token = body.path("access_token").asText(null);
    if (token == null) {
      throw new StoryFailure("no access_token for " + user + ": " + body);
    }
    cache.put(
        user, new Cached(token, Instant.now().plusSeconds(body.path("expires_in").asLong(60))));
    return token;
  }

  /** A client-credentials token of a confidential client (a machine, e.g. the metrics scraper). */
  public String ofClient(String clientId, String secret) {
    String form =
        "grant_type=client_credentials&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(secret);
    return token(form, "client credentials for " + clientId).path("access_token").asText();
  }

  /** The raw token endpoint answer for a user and password. */
  public JsonNode grant(String user, String password) {
    String form =
        "grant_type=password&client_id="
            + enc(Endpoints.CLIENT_ID)
            + "&username="
            + enc(user)
            + "&password="
            + enc(password);
    return token(form, "password grant for " + user);
  }

  /**
   * Posts {@code form} to the realm's token endpoint; anything but 200 fails naming {@code what}.
   */
  private JsonNode token(String form, String what) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(endpoints.tokenEndpoint()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new StoryFailure(what + " answered " + res.statusCode() + ": " + res.body());
      }
      return JSON.readTree(res.body());
    } catch (IOException e) {
      throw new StoryFailure("Keycloak not reachable at " + endpoints.tokenEndpoint() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryFailure("interrupted");
    }
  }

  /** The claims of a JWT (no verification: for display and for building test tokens). */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JWT", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
