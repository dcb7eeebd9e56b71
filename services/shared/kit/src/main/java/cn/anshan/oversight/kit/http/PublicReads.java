package cn.anshan.oversight.kit.http;

import cn.anshan.oversight.kit.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every {@link PublicRead} gets: at most {@code oversight.http.public.requests-per-minute}
 * requests per client address (429 problem+json with Retry-After), and a strong ETag of the body
 * with {@code Cache-Control: public}, so a repeated read with If-None-Match costs a 304. The client
 * address is the connection's, or the forwarded one when {@code
 * quarkus.http.proxy.proxy-address-forwarding} is on behind a trusted proxy.
 */
@Provider
@PublicRead
public class PublicReads implements ContainerRequestFilter, ContainerResponseFilter {
  @Inject PublicRateLimiter limiter;
  @Inject HttpServerRequest connection;
  @Inject ObjectMapper mapper;

  @ConfigProperty(name = "oversight.http.public.max-age", defaultValue = "60")
  long maxAgeSeconds;

  @Override
  public void filter(ContainerRequestContext request) {
    long now = System.currentTimeMillis();
    String client =
        connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().host();
    if (!limiter.admit(client, now)) {
      Problem problem =
          Problem.of(
                  429,
                  "rate-limited",
                  "Too many requests",
                  "at most "
                      + limiter.perMinute()
                      + " public reads per minute from one address; try again later")
              .withInstance(request.getUriInfo().getPath());
      request.abortWith(
          Response.status(429)
              .type(Problem.MEDIA_TYPE)
              .header("Retry-After", Long.toString(PublicRateLimiter.retryAfterSeconds(now)))
              .entity(problem)
              .build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() != 200 || !response.hasEntity()) {
      return;
    }
    String etag = etagOf(response.getEntity());
    response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds);
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      response.setStatus(304);
      response.setEntity(null);
    }
  }

  private String etagOf(Object entity) {
    try {
      byte[] body =
          entity instanceof String s
              ? s.getBytes(StandardCharsets.UTF_8)
              : mapper.writeValueAsBytes(entity);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot tag a public read", e);
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
