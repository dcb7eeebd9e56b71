package cn.anshan.oversight.contracts;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Provisions the event backbone on a running broker from the command line, for platforms that are
 * not the local launcher (docker-compose's {@code kafka-init}, an operator's first install). Needs
 * only kafka-clients on the class path, e.g. {@code java -cp '/opt/kafka/libs/*:contracts.jar'
 * cn.anshan.oversight.contracts.ProvisionBackbone}.
 *
 * <p>Environment: {@code KAFKA_BOOTSTRAP_SERVERS}; the super user {@code KAFKA_ADMIN_USERNAME},
 * {@code KAFKA_ADMIN_PASSWORD}, {@code KAFKA_ADMIN_MECHANISM} (PLAIN or SCRAM-SHA-512, default
 * SCRAM-SHA-512); one {@code KAFKA_PASSWORD_<SERVICE>} per principal ({@code
 * KAFKA_PASSWORD_INSTITUTION_REGISTRY}, …); optional {@code EVENT_PARTITIONS} (6) and {@code
 * EVENT_REPLICATION_FACTOR} (1). Safe to run again: it confirms what exists and sets passwords.
 */
public final class ProvisionBackbone {
  private ProvisionBackbone() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> env = System.getenv();
    Properties admin = new Properties();
    admin.put("bootstrap.servers", required(env, "KAFKA_BOOTSTRAP_SERVERS"));
    admin.put("security.protocol", env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
    String mechanism = env.getOrDefault("KAFKA_ADMIN_MECHANISM", "SCRAM-SHA-512");
    String user = required(env, "KAFKA_ADMIN_USERNAME");
    String password = required(env, "KAFKA_ADMIN_PASSWORD");
    admin.put("sasl.mechanism", mechanism);
    admin.put(
        "sasl.jaas.config",
        mechanism.equals("PLAIN")
            ? EventBackbone.plainLogin(user, password, false)
            : EventBackbone.scramLogin(user, password));
    Map<String, String> passwords = new HashMap<>();
    for (EventBackbone.Principal p : EventBackbone.PRINCIPALS) {
      passwords.put(p.name(), required(env, passwordVariable(p.name())));
    }
    EventBackbone.provision(
        admin,
        EventBackbone.PRINCIPALS,
        passwords,
        Integer.parseInt(env.getOrDefault("EVENT_PARTITIONS", "6")),
        Short.parseShort(env.getOrDefault("EVENT_REPLICATION_FACTOR", "1")));
    System.out.printf(
        "event backbone provisioned: %d principals, %d topics, %d ACLs%n",
        EventBackbone.PRINCIPALS.size(),
        EventBackbone.topics(EventBackbone.PRINCIPALS).size(),
        EventBackbone.acls(EventBackbone.PRINCIPALS).size());
  }

  /** {@code institution-registry} → {@code KAFKA_PASSWORD_INSTITUTION_REGISTRY}. */
  static String passwordVariable(String principal) {
    return "KAFKA_PASSWORD_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      System.err.println("ProvisionBackbone: " + name + " is not set");
      System.exit(2);
    }
    return value;
  }
}
