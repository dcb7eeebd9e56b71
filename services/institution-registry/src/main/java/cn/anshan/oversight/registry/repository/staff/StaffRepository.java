package cn.anshan.oversight.registry.repository.staff;

import cn.anshan.oversight.registry.domain.inspection.DeclarationChecks;
import cn.anshan.oversight.registry.domain.staff.StaffMember;
import cn.anshan.oversight.registry.domain.staff.StaffRole;
import cn.anshan.oversight.registry.domain.staff.StaffRoster;
import cn.anshan.oversight.registry.domain.staff.StaffStatus;
import cn.anshan.oversight.registry.repository.DeclarationCounts;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<StaffMember, String> {

  /** The staff member filed by {@code institutionId}, or null (another institution's is none). */
  public Uni<StaffMember> memberOf(String institutionId, String staffId) {
    return find("staffId = ?1 and institutionId = ?2", staffId, institutionId).firstResult();
  }

  /** The institution's active staff as STF-04 counts them; two queries, one after the other. */
  public Uni<StaffRoster> roster(String institutionId) {
    return count("institutionId = ?1 and status = ?2", institutionId, StaffStatus.ACTIVE)
        .chain(
            total ->
                count(
                        "institutionId = ?1 and status = ?2 and role = ?3 and fullTime = true",
                        institutionId,
                        StaffStatus.ACTIVE,
                        StaffRole.TEACHING)
                    .map(fullTimeTeaching -> new StaffRoster(total, fullTimeTeaching)));
  }

  /**
   * Per institution of the district with active staff, how many staff declarations are unchecked
   * and how many a check refuted (INS-02 sampling); one grouped statement served by index {@code
   * staff_member_verification}.
   */
  public Uni<Map<String, DeclarationChecks>> declarationChecksIn(String district) {
    return DeclarationCounts.perInstitution(
        "StaffMember",
        "verification",
        "e.status = " + StaffStatus.class.getName() + ".ACTIVE",
        district);
  }

  public Uni<Boolean> activeAt(String institutionId, String idHash) {
    return count(
            "institutionId = ?1 and idHash = ?2 and status = ?3",
            institutionId,
            idHash,
            StaffStatus.ACTIVE)
        .map(n -> n > 0);
  }

  /** Wherever the person is filed now, in any institution. */
  public Uni<List<StaffMember>> activeWithIdHash(String idHash) {
    return list(
        "idHash = ?1 and status = ?2 order by filedAt, staffId", idHash, StaffStatus.ACTIVE);
  }

  /**
   * One page of an institution's staff in (filedAt, staffId) order, strictly after the cursor;
   * served by index {@code staff_member_roster}.
   */
  public Uni<List<StaffMember>> page(
      String institutionId, StaffStatus status, Instant afterFiledAt, String afterId, int limit) {
    StringBuilder query = new StringBuilder("institutionId = :institutionId");
    Parameters params = Parameters.with("institutionId", institutionId);
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (afterFiledAt != null) {
      query.append(" and (filedAt > :afterAt or (filedAt = :afterAt and staffId > :afterId))");
      params.and("afterAt", afterFiledAt).and("afterId", afterId);
    }
    query.append(" order by filedAt, staffId");
    return find(query.toString(), params).page(0, limit).list();
  }
}
