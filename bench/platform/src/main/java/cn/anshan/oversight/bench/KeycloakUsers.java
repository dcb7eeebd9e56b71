package cn.anshan.oversight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bench users in realm {@code oversight}, created through Keycloak's admin API (admin/admin of the
 * local platform), and their real access tokens (password grant of the demo client, client
 * credentials for the bank gateway). Password = user name, as for the demo users.
 */
final class KeycloakUsers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(10); // the realm grants 15

  private final Platform platform;
  private final Map<String, String> roleIds = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private String adminToken;
  private Instant adminTokenAt = Instant.EPOCH;

  private record Token(String value, long fetchedAt) {}

  /** A user to create: realm role and token claims (district, institution_id, school_id). */
  record BenchUser(String username, String role, Map<String, String> attributes) {}

  KeycloakUsers(Platform platform) {
    this.platform = platform;
  }

  /** Creates the users that do not exist yet (in parallel); existing ones are left as they are. */
  void ensure(List<BenchUser> users) throws Exception {
    parallel(users, u -> create(u));
  }

  /** The master realm's admin token lives 60 s; creating hundreds of users takes longer. */
  private synchronized String adminToken() {
    if (adminToken == null || adminTokenAt.isBefore(Instant.now().minusSeconds(40))) {
      adminToken =
          token(
              platform.keycloak() + "/realms/master/protocol/openid-connect/token",
              Map.of(
                  "grant_type", "password",
                  "client_id", "admin-cli",
                  "username", "admin",
                  "password", "admin"));
      adminTokenAt = Instant.now();
    }
    return adminToken;
  }

  /** Access tokens for all these users, fetched in parallel (Keycloak hashes each password). */
  void prefetch(List<String> usernames) throws Exception {
    parallel(usernames, this::bearer);
  }

  /** {@code Bearer …} of a user, reused for 10 minutes. */
  String bearer(String username) {
    return cached(
        username,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "oversight-cli",
            "username",
            username,
            "password",
            username));
  }

  /** A token of the realm for this grant, fetched again when older than {@link #TOKEN_REUSE}. */
  private String cached(String key, Map<String, String> grant) {
    Token t = tokens.get(key);
    if (t == null || System.nanoTime() - t.fetchedAt() > TOKEN_REUSE.toNanos()) {
      t =
          new Token(
              "Bearer " + token(platform.realm() + "/protocol/openid-connect/token", grant),
              System.nanoTime());
      tokens.put(key, t);
    }
    return t.value();
  }

  /** The user's token subject ({@code sub}), the id the services record them under. */
  String subject(String username) {
    String token = bearer(username).substring("Bearer ".length());
    byte[] payload = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
    try {
      return JSON.readTree(payload).path("sub").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The custody bank's gateway (client credentials, service account with role custody-bank). */
  String bankBearer() {
    return cached(
        "client:custody-bank-gateway",
        Map.of(
            "grant_type", "client_credentials",
            "client_id", "custody-bank-gateway",
            "client_secret", "custody-bank-gateway-demo-secret"));
  }

  private void create(BenchUser user) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", user.username());
    body.put("enabled", true);
    body.put("emailVerified", true);
    body.put("firstName", "Bench");
    body.put("lastName", user.username());
    body.put("email", user.username() + "@bench.oversight.example");
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    user.attributes().forEach((k, v) -> attributes.put(k, List.of(v)));
    body.put("attributes", attributes);
    body.put(
        "credentials",
        List.of(Map.of("type", "password", "value", user.username(), "temporary", false)));
    HttpResponse<String> created = admin("POST", "/users", JSON.writeValueAsString(body));
    if (created.statusCode() == 409) {
      return;
    }
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "cannot create " + user.username() + ": " + created.statusCode() + " " + created.body());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    String role =
        JSON.writeValueAsString(List.of(Map.of("id", roleId(user.role()), "name", user.role())));
    HttpResponse<String> mapped = admin("POST", "/users/" + id + "/role-mappings/realm", role);
    if (mapped.statusCode() != 204) {
      throw new IllegalStateException(
          "cannot give " + user.username() + " role " + user.role() + ": " + mapped.body());
    }
  }

  private String roleId(String role) {
    return roleIds.computeIfAbsent(
        role,
        r -> {
          try {
            return JSON.readTree(admin("GET", "/roles/" + r, null).body()).path("id").asText();
          } catch (Exception e) {
            throw new IllegalStateException("role " + r, e);
          }
        });
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(platform.keycloak() + "/admin/realms/oversight" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + adminToken());
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return Platform.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String endpoint, Map<String, String> form) {
    StringBuilder encoded = new StringBuilder();
    form.forEach(
        (k, v) ->
            encoded
                .append(encoded.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> r =
          Platform.HTTP.send(
              HttpRequest.newBuilder(URI.create(endpoint))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(encoded.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(r.body());
      if (r.statusCode() != 200 || !json.hasNonNull("access_token")) {
        throw new IllegalStateException(
            "no token from " + endpoint + " for " + form.get("username") + ": " + r.body());
      }
      return json.get("access_token").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  interface Task<T> {
    void run(T item) throws Exception;
  }

  private static <T> void parallel(List<T> items, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (T item : items) {
        done.add(
            pool.submit(
                () -> {
                  task.run(item);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
