package cn.anshan.oversight.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service names and routes its events (DESIGN §2). */
@ConfigMapping(prefix = "oversight.events")
public interface EventSettings {
  /** Module name, e.g. {@code institution-registry}; becomes the CloudEvents source. */
  String service();

  /** Bounded context, e.g. {@code registry}; names the event types and the topic. */
  String context();

  /** Partitions created for this service's topic when it does not exist yet. */
  @WithDefault("6")
  int partitions();

  @WithDefault("1")
  short replicationFactor();

  @WithDefault("https://oversight.anshan.gov.cn/contracts/events/")
  String schemaBase();

  /** Version of the rule set in force; recorded in every event so audit can replay by it. */
  @WithDefault("2026.1")
  String ruleVersion();

  default String topic() {
    return "oversight." + context() + ".events";
  }

  default String source() {
    return "/oversight/" + service();
  }

  default String typeOf(String name) {
    return "cn.anshan.oversight." + context() + "." + name;
  }

  default String schemaOf(String name) {
    return schemaBase() + context() + "/" + name + ".schema.json";
  }
}
