package cn.anshan.oversight.kit.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bearer authentication that verifies each distinct access token once: OIDC parses and checks the
 * signature, issuer, audience and expiry of a token the first time it is seen; the identity it
 * built is then reused for that exact token until the token expires or {@code max-age} passes. A
 * client sends the same token for minutes, and verifying it is the largest single cost of a
 * request. Anything but a well-formed bearer header goes to OIDC as before.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {
  private static final String BEARER = "Bearer ";

  private final OidcAuthenticationMechanism oidc;
  private final TokenCacheSettings settings;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(SecurityIdentity identity, long until) {
    boolean valid(long now) {
      return until - now > 0;
    }
  }

  public CachedBearerAuthentication(OidcAuthenticationMechanism oidc, TokenCacheSettings settings) {
    this.oidc = oidc;
    this.settings = settings;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String token = token(context);
    if (token == null || !settings.enabled()) {
      return oidc.authenticate(context, identityProviderManager);
    }
    Verified hit = verified.get(token);
    if (hit != null && hit.valid(System.nanoTime())) {
      return Uni.createFrom().item(forThisRequest(hit.identity(), context));
    }
    return oidc.authenticate(context, identityProviderManager)
        .invoke(identity -> remember(token, identity));
  }

  private void remember(String token, SecurityIdentity identity) {
    if (identity == null
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt)) {
      return;
    }
    long now = System.nanoTime();
    long untilExpiry =
        TimeUnit.SECONDS.toNanos(jwt.getExpirationTime() - System.currentTimeMillis() / 1000);
    long until = now + Math.min(untilExpiry, settings.maxAge().toNanos());
    if (until - now <= 0) {
      return;
    }
    if (verified.size() >= settings.maxEntries()) {
      verified.values().removeIf(v -> !v.valid(now));
      if (verified.size() >= settings.maxEntries()) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(identity, until));
  }

  /** The identity as OIDC built it, bound to this request's routing context. */
  private static SecurityIdentity forThisRequest(
      SecurityIdentity identity, RoutingContext context) {
    return QuarkusSecurityIdentity.builder(identity)
        .addAttribute(RoutingContext.class.getName(), context)
        .build();
  }

  private static String token(RoutingContext context) {
    String header = context.request().getHeader("Authorization");
    if (header == null
        || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return header.substring(BEARER.length()).trim();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return oidc.getChallenge(context);
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return oidc.getCredentialTypes();
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return oidc.getCredentialTransport(context);
  }

  /** Ahead of OIDC's own mechanism, which it wraps. */
  @Override
  public int getPriority() {
    return oidc.getPriority() + 1;
  }
}
