package cn.anshan.oversight.escrow.metrics;

import cn.anshan.oversight.escrow.domain.risk.RiskGrade;
import cn.anshan.oversight.escrow.domain.risk.RiskIndicator;
import cn.anshan.oversight.kit.metrics.DatabaseSampler;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Risk indicators tripped (issue 20 item 1), counted from the stored trips so a trip rolled back
 * with its command is never counted: one counter per indicator and grade (10 × 3 series), each
 * labelled with the rule the indicator watches. Platform-wide, like {@link LedgerMeters}.
 */
@ApplicationScoped
public class RiskMeters {
  private static final String TRIPS =
      "select indicator, grade, count(*) from risk_trip group by indicator, grade";

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final Duration interval;
  private final Map<RiskIndicator, Map<RiskGrade, AtomicLong>> trips =
      new EnumMap<>(RiskIndicator.class);
  private DatabaseSampler sampler;

  public RiskMeters(
      MeterRegistry registry,
      AgroalDataSource dataSource,
      @ConfigProperty(name = "oversight.metrics.sample-interval", defaultValue = "15s")
          Duration interval) {
    this.registry = registry;
    this.dataSource = dataSource;
    this.interval = interval;
  }

  void start(@Observes StartupEvent event) {
    for (RiskIndicator indicator : RiskIndicator.values()) {
      Map<RiskGrade, AtomicLong> byGrade = new EnumMap<>(RiskGrade.class);
      for (RiskGrade grade : RiskGrade.values()) {
        AtomicLong count = new AtomicLong();
        FunctionCounter.builder("oversight.escrow.risk.trips", count, AtomicLong::get)
            .description("Risk indicators tripped, by indicator, grade and the rule it watches")
            .tag("indicator", indicator.name())
            .tag("grade", grade.name())
            .tag("rule", indicator.rule())
            .register(registry);
        byGrade.put(grade, count);
      }
      trips.put(indicator, byGrade);
    }
    sampler = DatabaseSampler.start("risk-meters", dataSource, interval, this::sample);
  }

  void stop(@Observes ShutdownEvent event) {
    if (sampler != null) {
      sampler.close();
    }
  }

  void sample(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery(TRIPS)) {
      while (rs.next()) {
        trips
            .get(RiskIndicator.valueOf(rs.getString(1)))
            .get(RiskGrade.valueOf(rs.getString(2)))
            .set(rs.getLong(3));
      }
    }
  }
}
