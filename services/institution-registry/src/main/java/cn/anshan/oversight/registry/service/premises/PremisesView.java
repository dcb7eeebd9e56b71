package cn.anshan.oversight.registry.service.premises;

import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.domain.premises.BuildingType;
import cn.anshan.oversight.registry.domain.premises.Classroom;
import cn.anshan.oversight.registry.domain.premises.Premises;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A site as its reader may see it. Parents get the public facts only (where it is, which floor, how
 * many students each classroom holds); the lease, building type, total area and filing history are
 * left out for them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PremisesView(
    UUID premisesId,
    Long version,
    String institutionId,
    String district,
    String address,
    int floorLevel,
    BuildingType buildingType,
    BigDecimal areaSqm,
    LocalDate leaseEnd,
    List<Classroom> classrooms,
    Instant filedAt,
    Instant changedAt) {

  static PremisesView of(Premises p, String readerRole) {
    if (Roles.PARENT.equals(readerRole)) {
      return new PremisesView(
          p.id(),
          null,
          p.institutionId(),
          p.district(),
          p.address(),
          p.floorLevel(),
          null,
          null,
          null,
          p.classrooms(),
          null,
          null);
    }
    return new PremisesView(
        p.id(),
        p.version(),
        p.institutionId(),
        p.district(),
        p.address(),
        p.floorLevel(),
        p.buildingType(),
        p.areaSqm(),
        p.leaseEnd(),
        p.classrooms(),
        p.filedAt(),
        p.changedAt());
  }
}
