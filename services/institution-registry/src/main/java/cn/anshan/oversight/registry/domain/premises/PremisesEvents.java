package cn.anshan.oversight.registry.domain.premises;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Events of aggregate {@code Premises} (§11 row 4). The address is a business address; classroom
 * names stay in the registry. Factories return pending events; the site numbers each where it is
 * appended.
 */
public final class PremisesEvents {
  private PremisesEvents() {}

  public record ClassroomFacts(UUID classroomId, BigDecimal areaSqm, int maxStudents) {}

  public record PremisesFacts(
      UUID premisesId,
      String institutionId,
      String district,
      String address,
      int floorLevel,
      BuildingType buildingType,
      BigDecimal areaSqm,
      LocalDate leaseEnd,
      List<ClassroomFacts> classrooms) {}

  public record PremisesLeaseExpiring(
      UUID premisesId, String institutionId, String district, String address, LocalDate leaseEnd) {}

  static PendingEvent filed(Premises p) {
    return event(p, "PremisesFiled.v1", facts(p));
  }

  static PendingEvent changed(Premises p) {
    return event(p, "PremisesChanged.v1", facts(p));
  }

  static PendingEvent leaseExpiring(Premises p) {
    return event(
        p,
        "PremisesLeaseExpiring.v1",
        new PremisesLeaseExpiring(
            p.id(), p.institutionId(), p.district(), p.address(), p.leaseEnd()));
  }

  private static PremisesFacts facts(Premises p) {
    return new PremisesFacts(
        p.id(),
        p.institutionId(),
        p.district(),
        p.address(),
        p.floorLevel(),
        p.buildingType(),
        p.areaSqm(),
        p.leaseEnd(),
        p.classrooms().stream()
            .map(c -> new ClassroomFacts(c.classroomId(), c.areaSqm(), c.maxStudents()))
            .toList());
  }

  private static PendingEvent event(Premises p, String name, Object data) {
    return new PendingEvent(Premises.AGGREGATE_TYPE, p.id().toString(), name, p.district(), data);
  }
}
