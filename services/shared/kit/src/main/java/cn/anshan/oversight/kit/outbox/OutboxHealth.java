package cn.anshan.oversight.kit.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the outbox has not delivered yet, on {@code /q/health/ready} (issue 15): rows the broker has
 * not acknowledged, the age of the oldest, and whether this replica leads the relay. It stays UP
 * while the broker is away — the service keeps taking commands and the outbox keeps them (DESIGN
 * §1) — so an operator reads the backlog here and alerts on its age, instead of the load balancer
 * taking every replica out.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
  private static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint"
          + " from outbox_unpublished";

  private final AgroalDataSource dataSource;
  private final OutboxRelay relay;

  public OutboxHealth(AgroalDataSource dataSource, OutboxRelay relay) {
    this.dataSource = dataSource;
    this.relay = relay;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("outbox").withData("relayLeader", relay.leading());
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(BACKLOG)) {
      rs.next();
      return health
          .withData("unpublished", rs.getLong(1))
          .withData("oldestUnpublishedSeconds", rs.getLong(2))
          .up()
          .build();
    } catch (SQLException e) {
      // the datasource's own check reports the database; this one has nothing to add
      return health.withData("error", e.getClass().getSimpleName()).up().build();
    }
  }
}
