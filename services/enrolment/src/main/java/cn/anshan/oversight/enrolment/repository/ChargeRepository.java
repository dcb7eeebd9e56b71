package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.charge.Charge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChargeRepository implements PanacheRepositoryBase<Charge, UUID> {

  /** The charges of one enrolment in period order (at most one per month of one term). */
  public Uni<List<Charge>> ofEnrolment(UUID enrolmentId) {
    return find("enrolmentId = ?1 order by periodStart", enrolmentId).list();
  }

  public Uni<List<UUID>> chargedEnrolments(UUID programmeId, LocalDate periodStart) {
    return find("programmeId = ?1 and periodStart = ?2", programmeId, periodStart)
        .list()
        .map(rows -> rows.stream().map(Charge::enrolmentId).toList());
  }
}
