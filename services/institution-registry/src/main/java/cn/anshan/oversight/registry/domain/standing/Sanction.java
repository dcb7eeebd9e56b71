package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.registry.domain.Institution;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An ENF-01 penalty imposed by the supervising regulator; in force until lifted. */
@Entity
@Table(name = "sanction")
public class Sanction {
  @Id private UUID id;

  private String institutionId;

  @Enumerated(EnumType.STRING)
  private SanctionType type;

  private String ruleId;

  private String detail;

  private Instant imposedAt;

  private String imposedBy;

  private Instant liftedAt;

  private String liftedBy;

  protected Sanction() {}

  /** A sanction imposed on an institution, with the SanctionImposed event that reports it. */
  public record Imposed(Sanction sanction, PendingEvent event) {}

  /**
   * ENF-01: the regulator of the institution's district imposes a sanction under {@code ruleId}.
   */
  public static Imposed impose(
      Institution institution,
      SanctionType type,
      String ruleId,
      String detail,
      String regulator,
      Instant now) {
    Sanction sanction =
        new Sanction(institution.institutionId(), type, ruleId, detail, regulator, now);
    return new Imposed(sanction, StandingEvents.sanctionImposed(institution, sanction));
  }

  Sanction(
      String institutionId,
      SanctionType type,
      String ruleId,
      String detail,
      String regulator,
      Instant now) {
    this.id = UUID.randomUUID();
    this.institutionId = institutionId;
    this.type = type;
    this.ruleId = ruleId;
    this.detail = detail;
    this.imposedBy = regulator;
    this.imposedAt = now;
  }

  /**
   * {@code found} when it is a sanction of {@code institutionId} still in force; any other is "not
   * found" (404), so a sanction id of another institution reveals nothing.
   */
  public static Sanction toLift(Sanction found, String institutionId, UUID sanctionId) {
    if (found == null || !found.institutionId().equals(institutionId) || !found.inForce()) {
      throw ProblemException.notFound("sanction in force " + sanctionId);
    }
    return found;
  }

  /** The regulator lifts a sanction in force; SanctionLifted. */
  public PendingEvent lift(Institution institution, String regulator, Instant now) {
    lift(regulator, now);
    return StandingEvents.sanctionLifted(institution, this);
  }

  void lift(String regulator, Instant now) {
    liftedAt = now;
    liftedBy = regulator;
  }

  public boolean inForce() {
    return liftedAt == null;
  }

  public UUID id() {
    return id;
  }

  public String institutionId() {
    return institutionId;
  }

  public SanctionType type() {
    return type;
  }

  public String ruleId() {
    return ruleId;
  }

  public String detail() {
    return detail;
  }

  public Instant imposedAt() {
    return imposedAt;
  }
}
