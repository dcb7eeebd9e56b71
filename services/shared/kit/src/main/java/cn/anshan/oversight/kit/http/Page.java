package cn.anshan.oversight.kit.http;

import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A page of a list; {@code next} is the cursor of the following page, null at the end. */
public record Page<T>(List<T> items, String next) {

  /** Builds a page from up to {@code size + 1} rows fetched in (at, id) order. */
  public static <R, T> Page<T> of(
      List<R> rows, int size, Function<R, T> view, Function<R, Instant> at, Function<R, UUID> id) {
    List<R> kept = rows.stream().limit(size).toList();
    String next = null;
    if (rows.size() > size) {
      R last = kept.get(size - 1);
      next = Keyset.cursor(at.apply(last), id.apply(last).toString());
    }
    return new Page<>(kept.stream().map(view).toList(), next);
  }

  /** The id part of a cursor position; a foreign cursor is a 400 on /cursor. */
  public static UUID afterId(Keyset.Position after) {
    if (after.isStart()) {
      return null;
    }
    try {
      return UUID.fromString(after.id());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError("/cursor", "not a cursor from this API"))));
    }
  }
}
