package cn.anshan.oversight.kit.problem;

import cn.anshan.oversight.kit.db.DatabaseSaturation;
import cn.anshan.oversight.kit.logging.LogFields;
import cn.anshan.oversight.kit.metrics.RefusalMeters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into RFC 9457 problem+json (DESIGN §3); never a stack trace. */
public class ProblemMappers {

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.problem(), uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response invalid(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(new FieldError(pointer(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::pointer));
    return respond(Problem.ofFields(errors), uri);
  }

  @ServerExceptionMapper(priority = 1)
  public Response unreadable(JsonProcessingException e, UriInfo uri) {
    String pointer = "";
    if (e instanceof JsonMappingException m) {
      StringBuilder sb = new StringBuilder();
      for (JsonMappingException.Reference ref : m.getPath()) {
        sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
      }
      pointer = sb.toString();
    }
    String detail = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    int cut = detail.indexOf('\n');
    return respond(
        Problem.ofFields(
            List.of(new FieldError(pointer, cut > 0 ? detail.substring(0, cut) : detail))),
        uri);
  }

  /** Takes precedence over Quarkus' own mapper, which answers with a non-problem JSON body. */
  @ServerExceptionMapper(
      value = {MismatchedInputException.class, InvalidFormatException.class},
      priority = 1)
  public Response mismatched(JsonMappingException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return respond(Problem.unauthenticated(), uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return respond(Problem.unauthenticated(), uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(Problem.roleForbidden(), uri);
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    JsonProcessingException unreadable = find(e, JsonProcessingException.class);
    if (unreadable != null) {
      return unreadable(unreadable, uri);
    }
    int status = e.getResponse().getStatus();
    if (status == 401) {
      return respond(Problem.unauthenticated(), uri);
    }
    String reason =
        Response.Status.fromStatusCode(status) == null
            ? "HTTP " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    String detail = e.getMessage() == null ? reason : e.getMessage();
    return respond(Problem.of(status, "http-" + status, reason, detail), uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    PgException pg = find(e, PgException.class);
    if (pg != null && "23505".equals(pg.getSqlState())) {
      return respond(
          Problem.of(
              409,
              "concurrent-modification",
              "Conflict",
              "the resource was changed by another request; read it again and retry"),
          uri);
    }
    ProblemException wrapped = find(e, ProblemException.class);
    if (wrapped != null) {
      return respond(wrapped.problem(), uri);
    }
    if (DatabaseSaturation.isCause(e)) {
      Log.warnf("refused %s: %s", uri.getPath(), DatabaseSaturation.describe(e));
      return respond(
          Problem.of(
              503,
              "database-unavailable",
              "Service Unavailable",
              "the database is saturated or did not answer in time; nothing was changed, retry"
                  + " later"),
          uri);
    }
    String errorId = UUID.randomUUID().toString();
    Log.errorf(e, "unexpected failure %s on %s", errorId, uri.getPath());
    return respond(
        Problem.of(
            500, "internal", "Internal error", "unexpected failure; quote error id " + errorId),
        uri);
  }

  private static Response respond(Problem problem, UriInfo uri) {
    RefusalMeters.count(problem);
    if (problem.rules() != null && !problem.rules().isEmpty()) {
      // the rule IDs and the path, never the detail: it may name a person or an institution
      LogFields.rules(String.join(",", problem.rules()));
      Log.infof("refused %s: %d %s", uri.getPath(), problem.status(), problem.rules());
    }
    Response.ResponseBuilder rb =
        Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .entity(problem.withInstance(uri.getPath()));
    if (problem.status() == 401) {
      rb.header("WWW-Authenticate", "Bearer");
    }
    if (problem.status() == 503) {
      rb.header("Retry-After", "1");
    }
    return rb.build();
  }

  /** Bean-validation paths look like {@code apply.request.premisesAreaSqm}; drop method and arg. */
  static String pointer(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      // In "reasons[0].detail" the index sits on the node after the container.
      if (node.getIndex() != null) {
        sb.append('/').append(node.getIndex());
      }
      if (node.getName() != null) {
        sb.append('/').append(node.getName());
      }
    }
    return sb.toString();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
