package cn.anshan.oversight.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * A minimal OpenID provider shaped like Keycloak's realm {@code oversight}: discovery document and
 * JWKS over real HTTP, an RSA key generated per test run. quarkus-oidc fetches the keys and
 * verifies signatures, expiry and issuer exactly as in production; {@link Tokens} signs with the
 * private key.
 */
final class TokenIssuer {
  static final String ISSUER = "oversight.test.oidc.issuer";
  static final String PRIVATE_JWK = "oversight.test.oidc.jwk";

  private final HttpServer server;
  private final String issuer;

  private TokenIssuer(HttpServer server, String issuer) {
    this.server = server;
    this.issuer = issuer;
  }

  static TokenIssuer start() {
    try {
      RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("test-" + Long.toHexString(System.nanoTime()));
      key.setAlgorithm("RS256");
      key.setUse("sig");
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/oversight";
      String discovery =
          "{\"issuer\":\"%s\",\"jwks_uri\":\"%s/protocol/openid-connect/certs\","
                  .formatted(issuer, issuer)
              + "\"token_endpoint\":\"%s/protocol/openid-connect/token\",".formatted(issuer)
              + "\"authorization_endpoint\":\"%s/protocol/openid-connect/auth\",".formatted(issuer)
              + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
      String jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
      server.createContext(
          "/realms/oversight/.well-known/openid-configuration", ex -> send(ex, discovery));
      server.createContext("/realms/oversight/protocol/openid-connect/certs", ex -> send(ex, jwks));
      server.start();
      System.setProperty(ISSUER, issuer);
      System.setProperty(PRIVATE_JWK, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
      return new TokenIssuer(server, issuer);
    } catch (IOException | JoseException e) {
      throw new IllegalStateException("cannot start the test OIDC issuer", e);
    }
  }

  String issuer() {
    return issuer;
  }

  /**
   * Serves {@code POST /control/<name>} running {@code action}: how tests reach objects of the test
   * resource, which may live in another class loader.
   */
  void control(String name, Runnable action) {
    server.createContext(
        "/control/" + name,
        ex -> {
          action.run();
          send(ex, "{}");
        });
    System.setProperty(TestInfra.CONTROL_URL, "http://127.0.0.1:" + server.getAddress().getPort());
  }

  void stop() {
    server.stop(0);
  }

  private static void send(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
