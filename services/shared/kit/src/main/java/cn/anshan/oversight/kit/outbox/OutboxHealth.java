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
 * through a short broker outage — the service keeps taking commands and the outbox keeps them
 * (DESIGN §1) — and turns DOWN once the oldest row is older than {@code
 * oversight.outbox.relay.readiness-max-age} (30 min), when events are late enough that an operator
 * must act.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
  /** Unsent rows, the age of the oldest in seconds, quarantined rows (also the backlog meters'). */
  public static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint,"
          + " (select count(*) from outbox_event where quarantined_at is not null)"
          + " from outbox_unpublished";

  private final AgroalDataSource dataSource;
  private final OutboxRelay relay;
  private final RelaySettings settings;

  public OutboxHealth(AgroalDataSource dataSource, OutboxRelay relay, RelaySettings settings) {
    this.dataSource = dataSource;
    this.relay = relay;
    this.settings = settings;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health =
        HealthCheckResponse.named("outbox").withData("relayLeader", relay.leading());
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(BACKLOG)) {
      rs.next();
      long oldest = rs.getLong(2);
      return health
          .withData("unpublished", rs.getLong(1))
          .withData("oldestUnpublishedSeconds", oldest)
          .withData("maxAgeSeconds", settings.readinessMaxAge().toSeconds())
          .withData("quarantined", rs.getLong(3))
          .status(oldest <= settings.readinessMaxAge().toSeconds())
          .build();
    } catch (SQLException e) {
      // the datasource's own check reports the database; this one has nothing to add
      return health.withData("error", e.getClass().getSimpleName()).up().build();
    }
  }
}
