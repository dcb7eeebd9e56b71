package cn.anshan.oversight.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A compliance finding or completeness gap (issue 7 capabilities 4 and 6): the rule broken and the
 * events that prove it. A projection: it can be dropped and detected again from the raw events.
 */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {
  @Id public UUID id;

  public String findingKey;

  public String ruleId;

  public String kind;

  public String entityId;

  public String district;
  public String detail;

  public String eventIds;

  public Instant detectedAt;

  public Instant resolvedAt;
}
