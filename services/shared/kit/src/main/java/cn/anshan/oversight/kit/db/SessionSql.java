package cn.anshan.oversight.kit.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Plain SQL on the connection of the current Hibernate Reactive session, inside its transaction,
 * for the kit's own tables (outbox, idempotency, inbox). It skips Hibernate's query machinery: a
 * native query there costs a plan-cache lookup (which never hits for selects in Hibernate 7.2),
 * parameter binding through the type system and a bulk-cleanup pass over every entity. Statements
 * use PostgreSQL's {@code $n} placeholders.
 */
public final class SessionSql {
  private SessionSql() {}

  public static Uni<Integer> update(String sql, Object... params) {
    return Panache.getSession()
        .chain(
            session ->
                Uni.createFrom().completionStage(() -> connection(session).update(sql, params)));
  }

  public static Uni<List<Object[]>> select(String sql, Object... params) {
    return Panache.getSession()
        .chain(
            session ->
                Uni.createFrom()
                    .completionStage(() -> connection(session).select(sql, params))
                    .map(
                        result -> {
                          List<Object[]> rows = new ArrayList<>(result.size());
                          result.forEachRemaining(rows::add);
                          return rows;
                        }));
  }

  private static ReactiveConnection connection(Mutiny.Session session) {
    if (session instanceof MutinySessionImpl impl) {
      return impl.getReactiveConnection();
    }
    throw new IllegalStateException(
        "not a Hibernate Reactive Mutiny session: " + session.getClass().getName());
  }
}
