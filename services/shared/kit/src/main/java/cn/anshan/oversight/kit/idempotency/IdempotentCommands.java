package cn.anshan.oversight.kit.idempotency;

import cn.anshan.oversight.kit.db.SessionSql;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for command POSTs (IETF draft): a replay returns the original status and
 * body, the same key with another body is 422, and a duplicate arriving while the first is still
 * running is 409. The record commits in the command's own transaction, and a transaction-scoped
 * advisory lock on the key detects the concurrent duplicate without a second round of commits.
 *
 * <p>A key is scoped to its caller, method and path ({@code "<subject> POST /api/v1/…/approval"}):
 * two callers, or one caller's two operations or objects, may use the same key without meeting.
 */
@ApplicationScoped
public class IdempotentCommands {
  public static final String HEADER = "Idempotency-Key";

  // Two statements, not one: under READ COMMITTED the lookup's snapshot must be taken after the
  // lock was granted, or a duplicate that committed meanwhile would go unseen.
  private static final String LOCK = "select pg_try_advisory_xact_lock(hashtextextended($1, 0))";
  private static final String FIND =
      "select request_hash, response_status, response_body, location, etag from idempotency_record"
          + " where scope = $1 and idempotency_key = $2";
  private static final String STORE =
      "insert into idempotency_record (scope, idempotency_key, request_hash, response_status,"
          + " response_body, location, etag) values ($1, $2, $3, $4, $5, $6, $7)";

  private final ObjectMapper mapper;
  private final HttpServerRequest http;

  public IdempotentCommands(ObjectMapper mapper, HttpServerRequest http) {
    this.mapper = mapper;
    this.http = http;
  }

  /**
   * Runs {@code command} at most once per key within the scope of this request's caller, method and
   * path. {@code request} is the body the key is bound to ({@code null} for a command without one).
   */
  public Uni<Response> execute(
      CommandContext caller, String key, Object request, Supplier<Uni<CommandResult>> command) {
    if (key == null) {
      return command.get().map(CommandResult::toResponse);
    }
    String scope = scope(caller.actor().subject(), http.method().name(), http.path());
    if (key.isBlank() || key.length() > 255) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError("", HEADER + " must be 1 to 255 characters"))));
    }
    String hash = hash(request);
    return Panache.withTransaction(() -> onceUnderLock(scope, key, hash, command));
  }

  private Uni<Response> onceUnderLock(
      String scope, String key, String hash, Supplier<Uni<CommandResult>> command) {
    return SessionSql.select(LOCK, lockName(scope, key))
        .invoke(IdempotentCommands::requireLock)
        .chain(() -> SessionSql.select(FIND, scope, key))
        .chain(
            found ->
                found.isEmpty()
                    ? command
                        .get()
                        .call(result -> store(scope, key, hash, result))
                        .map(CommandResult::toResponse)
                    : Uni.createFrom().item(replay(found.get(0), hash)));
  }

  private static void requireLock(List<Object[]> locked) {
    if (!Boolean.TRUE.equals(locked.get(0)[0])) {
      throw ProblemException.conflict(
          "idempotency-key-in-use",
          "a request with this Idempotency-Key is still being processed; retry later");
    }
  }

  /** The scope of a key: the caller's subject, the method and the path. */
  public static String scope(String subject, String method, String path) {
    return subject + " " + method + " " + path;
  }

  /** Also used by tests to hold the lock a concurrent duplicate would meet. */
  public static String lockName(String scope, String key) {
    return scope + "\n" + key;
  }

  private Response replay(Object[] row, String hash) {
    if (!hash.equals(row[0])) {
      throw new ProblemException(
          Problem.of(
              422,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "this Idempotency-Key was used with a different request body"));
    }
    Response.ResponseBuilder rb =
        Response.status(((Number) row[1]).intValue())
            .header("Idempotent-Replayed", "true")
            .type(MediaType.APPLICATION_JSON);
    if (row[2] != null) {
      rb.entity(row[2]);
    }
    if (row[3] != null) {
      rb.header("Location", row[3]);
    }
    if (row[4] != null) {
      rb.header("ETag", row[4]);
    }
    return rb.build();
  }

  private Uni<Integer> store(String scope, String key, String hash, CommandResult result) {
    return SessionSql.update(
        STORE,
        scope,
        key,
        hash,
        result.status(),
        json(result.body()),
        result.location(),
        result.etag());
  }

  /** A command without a body (a signature, a publication) hashes as the empty request. */
  private String hash(Object request) {
    String body = request == null ? "" : json(request);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String json(Object value) {
    try {
      return value == null ? null : mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }
}
