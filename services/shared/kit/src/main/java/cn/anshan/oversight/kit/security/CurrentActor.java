package cn.anshan.oversight.kit.security;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.logging.LogFields;
import cn.anshan.oversight.kit.problem.ProblemException;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Extracts the acting {@link Actor} from the bearer token of the current request. */
@RequestScoped
public class CurrentActor {
  public static final String DISTRICT_CLAIM = "district";
  public static final String INSTITUTION_CLAIM = "institution_id";
  public static final String SCHOOL_CLAIM = "school_id";
  public static final String BANK_CLAIM = "bank_id";
  public static final String SECTOR_CLAIM = "sector";

  public static final String CORRELATION_HEADER = "X-Correlation-Id";
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private final SecurityIdentity identity;
  private final JsonWebToken token;
  private final HttpServerRequest request;

  public CurrentActor(SecurityIdentity identity, JsonWebToken token, HttpServerRequest request) {
    this.identity = identity;
    this.token = token;
    this.request = request;
  }

  /**
   * The context of a command sent over HTTP: the actor, the caller's {@code X-Correlation-Id} (or a
   * new one) and this request's id as the cause.
   */
  public CommandContext command(String... roles) {
    String requestId = request.getHeader(REQUEST_ID_HEADER);
    CommandContext command =
        CommandContext.ofRequest(
            actingAs(roles),
            request.getHeader(CORRELATION_HEADER),
            requestId != null && requestId.matches("[A-Za-z0-9._:-]{1,64}")
                ? requestId
                : UUID.randomUUID().toString());
    LogFields.correlation(command.correlationId());
    return command;
  }

  /**
   * The caller acting in the first of {@code roles} they hold. Endpoints list roles in order of
   * precedence, so a user holding two roles is recorded in the one that authorised the call.
   */
  public Actor actingAs(String... roles) {
    for (String role : roles) {
      if (identity.hasRole(role)) {
        LogFields.actorRole(role);
        return new Actor(
            token.getSubject(),
            role,
            claim(DISTRICT_CLAIM),
            claim(INSTITUTION_CLAIM),
            claim(SCHOOL_CLAIM),
            claim(BANK_CLAIM),
            claim(SECTOR_CLAIM));
      }
    }
    throw ProblemException.forbidden("requires one of the roles " + String.join(", ", roles));
  }

  private String claim(String name) {
    // JsonWebToken.getClaim throws and catches an exception for every non-standard claim name
    Object value =
        identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc
            ? oidc.getClaims().getClaimValue(name)
            : token.getClaim(name);
    if (value instanceof JsonString json) {
      return json.getString();
    }
    return value == null ? null : value.toString();
  }
}
