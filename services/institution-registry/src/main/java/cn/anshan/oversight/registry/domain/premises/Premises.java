package cn.anshan.oversight.registry.domain.premises;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Institution;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One site of an approved institution and its classrooms (REG-10, §11 row 4). The address is a
 * business address, not personal data.
 */
@Entity
@Table(name = "premises")
public class Premises implements Aggregate {
  public static final String AGGREGATE_TYPE = "Premises";

  @Id private UUID id;
  private long version;

  private String institutionId;

  private String district;
  private String address;

  private int floorLevel;

  @Enumerated(EnumType.STRING)
  private BuildingType buildingType;

  private BigDecimal areaSqm;

  private LocalDate leaseEnd;

  @Convert(converter = ClassroomsConverter.class)
  private List<Classroom> classrooms;

  private String filedBy;

  private Instant filedAt;

  private Instant changedAt;

  private LocalDate leaseWarnedFor;

  protected Premises() {}

  private Premises(String institutionId, PremisesForm form, String operator, Instant now) {
    this.id = UUID.randomUUID();
    this.institutionId = institutionId;
    this.filedBy = operator;
    this.filedAt = now;
    take(form);
  }

  /**
   * REG-08 / REG-10: the operator files a site of their approved institution, checked as of {@code
   * today}; every broken rule refuses it. The site with its PremisesFiled event.
   */
  public static Decision<Premises> file(
      Institution institution,
      PremisesForm form,
      String operator,
      Instant now,
      LocalDate today,
      PremisesLimits limits) {
    requireFit(form, institution, today, limits);
    Premises site = new Premises(institution.institutionId(), form, operator, now);
    return Decision.of(site, PremisesEvents.filed(site));
  }

  /**
   * The whole site is re-checked as if filed today, lease included. Classrooms keep their id when
   * their name is unchanged, so capacity history stays linked. Its PremisesChanged event.
   */
  public PendingEvent change(
      Institution institution,
      PremisesForm form,
      Instant now,
      LocalDate today,
      PremisesLimits limits) {
    requireFit(form, institution, today, limits);
    changedAt = now;
    take(form);
    return PremisesEvents.changed(this);
  }

  private static void requireFit(
      PremisesForm form, Institution institution, LocalDate today, PremisesLimits limits) {
    List<RuleViolation> violations =
        PremisesRules.check(
            form, institution.district(), institution.form().studentStages(), today, limits);
    ProblemException.requireNone(violations);
  }

  /**
   * §11 row 4: the lease watch warns once per lease end; a renewed lease is warned about again. Its
   * PremisesLeaseExpiring event.
   */
  public PendingEvent leaseWarned() {
    leaseWarnedFor = leaseEnd;
    return PremisesEvents.leaseExpiring(this);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  private void take(PremisesForm form) {
    district = form.district();
    address = form.address();
    floorLevel = form.floorLevel();
    buildingType = form.buildingType();
    areaSqm = form.areaSqm();
    leaseEnd = form.leaseEnd();
    List<Classroom> before = classrooms == null ? List.of() : classrooms;
    classrooms =
        form.classrooms().stream()
            .map(
                room ->
                    new Classroom(
                        before.stream()
                            .filter(old -> old.name().equals(room.name()))
                            .map(Classroom::classroomId)
                            .findFirst()
                            .orElseGet(UUID::randomUUID),
                        room.name(),
                        room.areaSqm(),
                        room.maxStudents()))
            .toList();
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public String address() {
    return address;
  }

  public int floorLevel() {
    return floorLevel;
  }

  public BuildingType buildingType() {
    return buildingType;
  }

  public BigDecimal areaSqm() {
    return areaSqm;
  }

  public LocalDate leaseEnd() {
    return leaseEnd;
  }

  public List<Classroom> classrooms() {
    return classrooms;
  }

  public Instant filedAt() {
    return filedAt;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
