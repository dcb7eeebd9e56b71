package cn.anshan.oversight.kit.http;

import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset (cursor) pagination (DESIGN §3). A cursor is opaque to clients: base64url of the sort
 * position and the id of the last item returned; the next page starts strictly after it. A cursor
 * that did not come from this API is a 400 on {@code /cursor}.
 */
public final class Keyset {
  private Keyset() {}

  /** Where a page starts; {@link #START} for the first page. */
  public record Position(String at, String id) {
    public static final Position START = new Position(null, null);

    public boolean isStart() {
      return id == null;
    }

    public Instant instant() {
      return isStart() ? null : parse(Instant::parse);
    }

    public LocalDateTime localDateTime() {
      return isStart() ? null : parse(LocalDateTime::parse);
    }

    private <T> T parse(Function<String, T> parser) {
      try {
        return parser.apply(at);
      } catch (RuntimeException e) {
        throw invalid();
      }
    }
  }

  public static Position after(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return Position.START;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 0) {
        throw invalid();
      }
      return new Position(raw.substring(0, bar), raw.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** The cursor of the page after the item at {@code at} with {@code id}. */
  public static String cursor(Object at, String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The requested page size, at least 1 and at most {@code max}. */
  public static int pageSize(Integer requested, int defaultSize, int max) {
    return Math.min(requested == null ? defaultSize : Math.max(1, requested), max);
  }

  private static ProblemException invalid() {
    return new ProblemException(
        Problem.ofFields(List.of(new FieldError("/cursor", "not a cursor from this API"))));
  }
}
