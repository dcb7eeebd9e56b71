package cn.anshan.oversight.kit.idempotency;

import cn.anshan.oversight.kit.http.Versions;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** What a command answered: kept by {@link IdempotentCommands} so a replay answers the same. */
public record CommandResult(int status, Object body, String location, String etag) {

  public static CommandResult created(URI location, long version, Object body) {
    return new CommandResult(201, body, location.toString(), Versions.etag(version));
  }

  public static CommandResult ok(long version, Object body) {
    return new CommandResult(200, body, null, Versions.etag(version));
  }

  public Response toResponse() {
    Response.ResponseBuilder rb =
        Response.status(status).entity(body).type(MediaType.APPLICATION_JSON);
    if (location != null) {
      rb.header("Location", location);
    }
    if (etag != null) {
      rb.header("ETag", etag);
    }
    return rb.build();
  }
}
