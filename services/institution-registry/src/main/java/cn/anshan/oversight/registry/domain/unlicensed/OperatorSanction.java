package cn.anshan.oversight.registry.domain.unlicensed;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An ENF-02 / ENF-03 outcome imposed on an unlicensed operator. */
@Entity
@Table(name = "unlicensed_operator_sanction")
public class OperatorSanction {
  @Id private UUID id;
  private UUID operatorId;

  @Enumerated(EnumType.STRING)
  private OperatorSanctionType type;

  private String ruleId;
  private Long fineFen;
  private Long illegalGainsFen;
  private String referredTo;
  private String detail;
  private String imposedBy;
  private Instant imposedAt;

  protected OperatorSanction() {}

  OperatorSanction(
      UUID operatorId, SanctionOrder order, String ruleId, String regulator, Instant now) {
    this.id = UUID.randomUUID();
    this.operatorId = operatorId;
    this.type = order.type();
    this.ruleId = ruleId;
    this.fineFen = order.fineFen();
    this.illegalGainsFen = order.illegalGainsFen();
    this.referredTo = order.referredTo();
    this.detail = order.detail();
    this.imposedBy = regulator;
    this.imposedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID operatorId() {
    return operatorId;
  }

  public OperatorSanctionType type() {
    return type;
  }

  public String ruleId() {
    return ruleId;
  }

  public Long fineFen() {
    return fineFen;
  }

  public Long illegalGainsFen() {
    return illegalGainsFen;
  }

  public String referredTo() {
    return referredTo;
  }

  public String detail() {
    return detail;
  }

  public Instant imposedAt() {
    return imposedAt;
  }
}
