package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.risk.RiskRules.Trip;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Risk trips (one per institution, indicator and business day) and the per-institution version of
 * the risk record their events carry.
 */
@ApplicationScoped
public class RiskTripRepository {
  private static final String CLAIM =
      "insert into risk_trip (id, institution_id, district, indicator, grade, value, threshold,"
          + " detail, business_date, tripped_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
          + " ?10) on conflict do nothing";
  private static final String NEXT_VERSION =
      "insert into institution_risk (institution_id, version, district) values (?1, 1, ?2)"
          + " on conflict (institution_id) do update set version = institution_risk.version + 1"
          + " returning version";
  private static final String PAGE =
      "select cast(id as text), institution_id, district, indicator, grade,"
          + " cast(value as float8), cast(threshold as float8), detail,"
          + " cast(business_date as text), to_char(tripped_at at time zone 'UTC',"
          + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from risk_trip where 1 = 1";

  /** A stored trip. */
  public record RiskTripRow(
      UUID id,
      String institutionId,
      String district,
      String indicator,
      String grade,
      double value,
      double threshold,
      String detail,
      LocalDate businessDate,
      Instant trippedAt) {}

  /** Who sees which trips; null: no restriction. */
  public record Scope(String district, String institutionId) {}

  /** Stores the trip unless the indicator already tripped on {@code businessDate}; true if new. */
  public Uni<Boolean> claim(
      String institutionId, String district, Trip trip, LocalDate businessDate, Instant now) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(CLAIM)
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, institutionId)
                    .setParameter(3, district)
                    .setParameter(4, trip.indicator().name())
                    .setParameter(5, trip.grade().name())
                    .setParameter(6, BigDecimal.valueOf(trip.value()))
                    .setParameter(7, BigDecimal.valueOf(trip.threshold()))
                    .setParameter(8, trip.detail())
                    .setParameter(9, businessDate)
                    .setParameter(10, now.atOffset(ZoneOffset.UTC))
                    .executeUpdate())
        .map(inserted -> inserted > 0);
  }

  /** The institution's risk record's next version (1 for its first trip). */
  public Uni<Long> nextVersion(String institutionId, String district) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(NEXT_VERSION, Long.class)
                    .setParameter(1, institutionId)
                    .setParameter(2, district)
                    .getSingleResult());
  }

  /** One page in (tripped_at, id) order strictly after the cursor, within the scope. */
  public Uni<List<RiskTripRow>> page(
      Scope scope, String institutionId, Instant afterAt, UUID afterId, int limit) {
    StringBuilder sql = new StringBuilder(PAGE);
    List<Object> params = new ArrayList<>();
    for (String[] filter :
        new String[][] {
          {"district", scope.district()},
          {"institution_id", scope.institutionId()},
          {"institution_id", institutionId}
        }) {
      if (filter[1] != null) {
        params.add(filter[1]);
        sql.append(" and ").append(filter[0]).append(" = ?").append(params.size());
      }
    }
    if (afterAt != null) {
      params.add(afterAt.atOffset(ZoneOffset.UTC));
      int at = params.size();
      params.add(afterId);
      int id = params.size();
      sql.append(" and (tripped_at > ?")
          .append(at)
          .append(" or (tripped_at = ?")
          .append(at)
          .append(" and id > ?")
          .append(id)
          .append("))");
    }
    sql.append(" order by tripped_at, id limit ").append(limit);
    return Panache.getSession()
        .chain(
            s -> {
              var query = s.createNativeQuery(sql.toString(), Object[].class);
              for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
              }
              return query.getResultList();
            })
        .map(rows -> rows.stream().map(RiskTripRepository::row).toList());
  }

  private static RiskTripRow row(Object[] r) {
    return new RiskTripRow(
        UUID.fromString((String) r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        ((Number) r[5]).doubleValue(),
        ((Number) r[6]).doubleValue(),
        (String) r[7],
        LocalDate.parse((String) r[8]),
        Instant.parse((String) r[9]));
  }
}
