package cn.anshan.oversight.escrow.metrics;

import cn.anshan.oversight.escrow.domain.risk.RiskGrade;
import cn.anshan.oversight.escrow.domain.risk.RiskIndicator;
import cn.anshan.oversight.kit.metrics.SampledMeters;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Risk indicators tripped (issue 20 item 1), counted from the stored trips so a trip rolled back
 * with its command is never counted: one counter per indicator and grade (10 × 3 series), each
 * labelled with the rule the indicator watches. Platform-wide, like {@link LedgerMeters}.
 */
@ApplicationScoped
public class RiskMeters {
  private static final String TRIPS =
      "select indicator, grade, count(*) from risk_trip group by indicator, grade";

  private final SampledMeters meters;
  private final Map<String, AtomicLong> trips = new HashMap<>();

  public RiskMeters(SampledMeters meters) {
    this.meters = meters;
  }

  void start(@Observes StartupEvent event) {
    for (RiskIndicator indicator : RiskIndicator.values()) {
      for (RiskGrade grade : RiskGrade.values()) {
        trips.put(
            indicator.name() + "/" + grade.name(),
            meters.total(
                "oversight.escrow.risk.trips",
                "Risk indicators tripped, by indicator, grade and the rule it watches",
                null,
                "indicator",
                indicator.name(),
                "grade",
                grade.name(),
                "rule",
                indicator.rule()));
      }
    }
    meters.every("risk meters", this::sample);
  }

  void sample(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery(TRIPS)) {
      while (rs.next()) {
        trips.get(rs.getString(1) + "/" + rs.getString(2)).set(rs.getLong(3));
      }
    }
  }
}
