package cn.anshan.oversight.kit.http;

import cn.anshan.oversight.kit.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized command body before it is read, with a problem+json 413 (the HTTP layer's
 * own limit, {@code quarkus.http.limits.max-body-size}, stays as the backstop for bodies without a
 * Content-Length). No API body of this platform comes near the default.
 */
public class BodySizeLimit {
  private final long maxBytes;

  public BodySizeLimit(
      @ConfigProperty(name = "oversight.http.max-body-bytes", defaultValue = "262144")
          long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @ServerRequestFilter(preMatching = true)
  public Response refuseOversized(ContainerRequestContext request) {
    int length = request.getLength();
    if (length > maxBytes) {
      Problem problem =
          Problem.of(
                  413,
                  "payload-too-large",
                  "Payload too large",
                  "the body has " + length + " bytes; at most " + maxBytes + " are accepted")
              .withInstance(request.getUriInfo().getPath());
      return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
    return null;
  }
}
