package cn.anshan.oversight.kit.db;

import cn.anshan.oversight.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
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

  /** Runs a prepared statement and maps each row it returns. */
  public static <T> Uni<List<T>> select(
      SqlClient client, String sql, Tuple params, Function<Row, T> of) {
    return client.preparedQuery(sql).execute(params).map(rows -> map(rows, of));
  }

  /** The first row, or a 404 naming {@code what} when there is none. */
  public static Row first(RowSet<Row> rows, String what) {
    if (rows.size() == 0) {
      throw ProblemException.notFound(what);
    }
    return rows.iterator().next();
  }
}
