package cn.anshan.oversight.registry.domain.standing;

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

  public Sanction(
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

  public void lift(String regulator, Instant now) {
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
