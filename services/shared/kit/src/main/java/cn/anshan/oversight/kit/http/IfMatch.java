package cn.anshan.oversight.kit.http;

import jakarta.ws.rs.HeaderParam;

/**
 * The If-Match header of an update (ETag = aggregate version, DESIGN §3), read once by the kit as a
 * resource method's bean parameter and handed to the use case, which checks it against the version
 * it loaded: missing is 428, stale is 412 ({@link Versions#requireIfMatch}).
 */
public class IfMatch {
  @HeaderParam("If-Match")
  String header;

  /** Refuses the update unless the caller read {@code currentVersion}. */
  public void require(long currentVersion) {
    Versions.requireIfMatch(header, currentVersion);
  }
}
