package cn.anshan.oversight.platform.local;

import cn.anshan.oversight.contracts.EventBackbone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Passwords of the local broker's SCRAM-SHA-512 users (issue 15 item 5): the platform's {@code
 * admin} and one per service principal of the event backbone, made once per state folder.
 */
final class KafkaCredentials {
  static final String ADMIN = "admin";
  private final Properties passwords;

  private KafkaCredentials(Properties passwords) {
    this.passwords = passwords;
  }

  static KafkaCredentials of(Layout layout) {
    return new KafkaCredentials(
        StateSecrets.load(
            file(layout.state()),
            "local platform Kafka SCRAM-SHA-512 passwords",
            KafkaCredentials::generate));
  }

  /** The credentials a started platform made; none yet is an error, not a reason to make them. */
  static KafkaCredentials existing(Path state) {
    Path file = file(state);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "no Kafka credentials in " + state + ": start the platform first (platform up)");
    }
    return new KafkaCredentials(StateSecrets.load(file, "", Properties::new));
  }

  static Path file(Path state) {
    return state.resolve("kafka-credentials.properties");
  }

  private static Properties generate() {
    Properties p = new Properties();
    p.setProperty(ADMIN, randomPassword());
    EventBackbone.PRINCIPALS.forEach(s -> p.setProperty(s.name(), randomPassword()));
    return p;
  }

  private static String randomPassword() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  String password(String user) {
    String password = passwords.getProperty(user);
    if (password == null) {
      throw new IllegalStateException("no Kafka password for " + user + " in the state folder");
    }
    return password;
  }

  Map<String, String> servicePasswords() {
    Map<String, String> m = new HashMap<>();
    EventBackbone.PRINCIPALS.forEach(s -> m.put(s.name(), password(s.name())));
    return m;
  }

  /** What a service gets: it logs in as its own principal. */
  Map<String, String> environment(String service) {
    return Map.of("KAFKA_USERNAME", service, "KAFKA_PASSWORD", password(service));
  }

  /** Client settings of the platform's own tools (provisioning, {@code platform events}). */
  Properties adminClient(String bootstrap) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    p.put(SaslConfigs.SASL_JAAS_CONFIG, EventBackbone.scramLogin(ADMIN, password(ADMIN)));
    return p;
  }
}
