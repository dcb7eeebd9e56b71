package cn.anshan.oversight.audit.repository;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause grown from optional filters, numbering its parameters ($1, $2, …) in the order
 * they are added; a null filter adds nothing. Instants are bound as UTC timestamps.
 */
final class SqlWhere {
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  private SqlWhere() {}

  /** Every row, narrowed by the filters added. */
  static SqlWhere all() {
    SqlWhere where = new SqlWhere();
    where.sql.append("true");
    return where;
  }

  /** Rows whose {@code column} equals {@code value}, narrowed by the filters added. */
  static SqlWhere where(String column, Object value) {
    SqlWhere where = new SqlWhere();
    where.sql.append(column).append(" = ").append(where.bind(value));
    return where;
  }

  SqlWhere equal(String column, Object value) {
    return compare(column, " = ", value);
  }

  SqlWhere atLeast(String column, Object value) {
    return compare(column, " >= ", value);
  }

  SqlWhere before(String column, Object value) {
    return compare(column, " < ", value);
  }

  /**
   * Keyset paging: rows after the one whose {@code columns} (in sort order) held {@code values};
   * nothing when the first value is null (the first page).
   */
  SqlWhere after(List<String> columns, Object... values) {
    if (values[0] == null) {
      return this;
    }
    List<String> placeholders = new ArrayList<>();
    for (Object value : values) {
      placeholders.add(bind(value));
    }
    sql.append(" and (")
        .append(String.join(", ", columns))
        .append(") > (")
        .append(String.join(", ", placeholders))
        .append(")");
    return this;
  }

  /** The placeholder of a trailing parameter such as the page size. */
  String bind(Object value) {
    params.add(value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
    return "$" + params.size();
  }

  Tuple params() {
    return Tuple.from(params);
  }

  @Override
  public String toString() {
    return sql.toString();
  }

  private SqlWhere compare(String column, String operator, Object value) {
    if (value != null) {
      sql.append(" and ").append(column).append(operator).append(bind(value));
    }
    return this;
  }
}
