package cn.anshan.oversight.kit.db;

import cn.anshan.oversight.kit.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Rows of a Vert.x SQL result, for the kit's statements on the pool. */
public final class Rows {
  private Rows() {}

  public static <T> List<T> map(RowSet<Row> rows, Function<Row, T> of) {
    List<T> mapped = new ArrayList<>(rows.size());
    rows.forEach(r -> mapped.add(of.apply(r)));
    return mapped;
  }

  /** The first row, or a 404 naming {@code what} when there is none. */
  public static Row first(RowSet<Row> rows, String what) {
    if (rows.size() == 0) {
      throw ProblemException.notFound(what);
    }
    return rows.iterator().next();
  }
}
