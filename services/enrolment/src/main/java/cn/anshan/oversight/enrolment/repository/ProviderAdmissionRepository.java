package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.provider.AdmissionStatus;
import cn.anshan.oversight.enrolment.domain.provider.ProviderAdmission;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProviderAdmissionRepository implements PanacheRepositoryBase<ProviderAdmission, UUID> {

  /**
   * Row-locked until the transaction ends: a concurrent command on the same provideradmission
   * waits, then meets the new version (412 on its If-Match) instead of acting twice on the old
   * state.
   */
  public Uni<ProviderAdmission> forUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public Uni<List<ProviderAdmission>> activeOf(String institutionId) {
    return find(
            "institutionId = ?1 and status = ?2 order by admittedAt, id",
            institutionId,
            AdmissionStatus.ADMITTED)
        .list();
  }

  /** The providers brought in for {@code courseId} and still admitted. */
  public Uni<List<ProviderAdmission>> activeFor(UUID courseId) {
    return find(
            "courseId = ?1 and status = ?2 order by admittedAt, id",
            courseId,
            AdmissionStatus.ADMITTED)
        .list();
  }

  public Uni<Long> countActive(UUID programmeId, String institutionId) {
    return count(
        "programmeId = ?1 and institutionId = ?2 and status = ?3",
        programmeId,
        institutionId,
        AdmissionStatus.ADMITTED);
  }

  /** All admissions of a programme, oldest first (bounded by the providers a school brings in). */
  public Uni<List<ProviderAdmission>> ofProgramme(UUID programmeId) {
    return find("programmeId = ?1 order by admittedAt, id", programmeId).list();
  }

  /** ASV-06: admitted providers past their evaluation due date, not yet reported for it. */
  public Uni<List<ProviderAdmission>> evaluationOverdue(java.time.LocalDate today, int limit) {
    return find(
            "status = ?1 and evaluationDueOn < ?2"
                + " and (overdueReportedFor is null or overdueReportedFor <> evaluationDueOn)"
                + " order by evaluationDueOn, id",
            AdmissionStatus.ADMITTED,
            today)
        .page(0, limit)
        .list();
  }
}
