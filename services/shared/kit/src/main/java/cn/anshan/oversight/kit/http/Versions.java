package cn.anshan.oversight.kit.http;

import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;

/**
 * ETag = aggregate version (DESIGN §3). Updates must name the version they read: a missing If-Match
 * is 428, a stale one 412, so no update is ever based on a state the caller did not see.
 */
public final class Versions {
  private Versions() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  public static void requireIfMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(Problem.preconditionRequired());
    }
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag(currentVersion)) || tag.equals(Long.toString(currentVersion))) {
        return;
      }
    }
    throw new ProblemException(Problem.preconditionFailed(currentVersion, ifMatch));
  }
}
