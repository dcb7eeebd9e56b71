package cn.anshan.oversight.kit.probe;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "probe_item")
public class ProbeItem extends PanacheEntityBase {
  @Id public String id;
  public long version;
  public String label;
}
