package cn.anshan.oversight.registry.repository.standing;

import cn.anshan.oversight.registry.domain.standing.LicenceStatus;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class LicenceRepository implements PanacheRepositoryBase<OperatingLicence, String> {

  /** Issued licences ending on or before {@code day}: the ones to warn about or to expire. */
  public Uni<List<OperatingLicence>> issuedEndingBy(LocalDate day, int limit) {
    return find("status = ?1 and validTo <= ?2 order by validTo", LicenceStatus.ISSUED, day)
        .page(0, limit)
        .list();
  }
}
