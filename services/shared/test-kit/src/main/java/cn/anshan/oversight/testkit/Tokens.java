package cn.anshan.oversight.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signed access tokens shaped like Keycloak's for realm {@code oversight}: roles in {@code
 * realm_access.roles}, scope claims {@code district}, {@code institution_id}, {@code school_id}.
 *
 * <pre>{@code
 * String bearer = Tokens.user("reg-1").role("regulator").district("tiedong").bearer();
 * }</pre>
 */
public final class Tokens {
  private final String subject;
  private final List<String> roles = new ArrayList<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));
  private String issuer = System.getProperty(TokenIssuer.ISSUER);
  private String audience = "oversight-api";

  private Tokens(String subject) {
    this.subject = subject;
  }

  public static Tokens user(String subject) {
    return new Tokens(subject);
  }

  /** A user with a random subject, for tests that need strangers. */
  public static Tokens anyone() {
    return new Tokens(UUID.randomUUID().toString());
  }

  public Tokens role(String role) {
    roles.add(role);
    return this;
  }

  public Tokens district(String district) {
    return claim("district", district);
  }

  public Tokens institution(String institutionId) {
    return claim("institution_id", institutionId);
  }

  public Tokens school(String schoolId) {
    return claim("school_id", schoolId);
  }

  public Tokens claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  public Tokens expiresAt(Instant instant) {
    this.expiresAt = instant;
    return this;
  }

  public Tokens issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  public Tokens audience(String audience) {
    this.audience = audience;
    return this;
  }

  public String subject() {
    return subject;
  }

  /** The compact JWS. */
  public String token() {
    try {
      JwtClaims jwt = new JwtClaims();
      jwt.setIssuer(issuer);
      jwt.setAudience(audience);
      jwt.setSubject(subject);
      jwt.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 1));
      jwt.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
      jwt.setGeneratedJwtId();
      jwt.setClaim("typ", "Bearer");
      jwt.setClaim("azp", "oversight-cli");
      jwt.setClaim("preferred_username", subject);
      jwt.setClaim("realm_access", Map.of("roles", List.copyOf(roles)));
      claims.forEach(jwt::setClaim);
      PublicJsonWebKey key =
          PublicJsonWebKey.Factory.newPublicJwk(System.getProperty(TokenIssuer.PRIVATE_JWK));
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(jwt.toJson());
      jws.setKey(key.getPrivateKey());
      jws.setKeyIdHeaderValue(key.getKeyId());
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign test token", e);
    }
  }

  /** The value of an {@code Authorization} header. */
  public String bearer() {
    return "Bearer " + token();
  }
}
