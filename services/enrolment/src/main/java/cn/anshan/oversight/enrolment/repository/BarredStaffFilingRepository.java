package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.provider.BarredStaffFiling;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BarredStaffFilingRepository
    implements PanacheRepositoryBase<BarredStaffFiling, String> {

  /**
   * How many black-listed people the institution still employs (index barred_staff_filing_current).
   */
  public Uni<Long> currentlyAt(String institutionId) {
    return count("institutionId = ?1 and listedAt is not null and leftAt is null", institutionId);
  }
}
