package cn.anshan.oversight.testkit;

import cn.anshan.oversight.contracts.EventBackbone;
import cn.anshan.oversight.contracts.EventBackbone.Principal;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * An in-process KRaft broker set up as production runs Kafka (issue 15 item 5): SASL only, the
 * services as SCRAM-SHA-512 principals with the event backbone's ACLs, no topic auto-creation. The
 * test kit's own {@code plain-admin} (SASL PLAIN) is the super user that provisions, and the one
 * tests use to publish forgeries and read any topic.
 */
final class TestBroker implements AutoCloseable {
  private final KafkaClusterTestKit kafka;
  private String bootstrap;

  private TestBroker(KafkaClusterTestKit kafka) {
    this.kafka = kafka;
  }

  /** Starts the broker and provisions the backbone plus, if it is not on it, the service's own. */
  static TestBroker start(Principal underTest) throws Exception {
    KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .build())
            .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
            .setConfigProp(
                "listener.name.external.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;")
            .setConfigProp("auto.create.topics.enable", "false")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    TestBroker broker = new TestBroker(kafka);
    try {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      broker.bootstrap = kafka.bootstrapServers();
      List<Principal> principals = new ArrayList<>(EventBackbone.PRINCIPALS);
      if (!principals.contains(underTest)) {
        principals.removeIf(p -> p.name().equals(underTest.name()));
        principals.add(underTest);
      }
      Map<String, String> passwords = new HashMap<>();
      principals.forEach(p -> passwords.put(p.name(), password(p.name())));
      EventBackbone.provision(broker.adminProperties(), principals, passwords, 3, (short) 1);
      return broker;
    } catch (Exception e) {
      broker.close();
      throw e;
    }
  }

  /** Demo credentials, as for the database roles: a principal's password is its name. */
  static String password(String principal) {
    return principal;
  }

  String bootstrap() {
    return bootstrap;
  }

  Runnable stopper() {
    var node = kafka.brokers().values().iterator().next();
    return node::shutdown;
  }

  Runnable starter() {
    var node = kafka.brokers().values().iterator().next();
    return node::startup;
  }

  /** The service's Quarkus configuration: every kafka client it makes logs in as its principal. */
  Map<String, String> serviceConfig(String principal) {
    return Map.of(
        "kafka.bootstrap.servers",
        bootstrap,
        "kafka.security.protocol",
        "SASL_PLAINTEXT",
        "kafka.sasl.mechanism",
        "SCRAM-SHA-512",
        "kafka.sasl.jaas.config",
        EventBackbone.scramLogin(principal, password(principal)));
  }

  Properties adminProperties() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    p.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        EventBackbone.plainLogin(
            JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD, false));
    return p;
  }

  /**
   * Also takes Kafka's SASL providers out of the JVM-wide security provider list: a Quarkus test
   * profile restarts the resources with Kafka loaded by a new class loader, and the next broker
   * would otherwise be served by this one's PLAIN and SCRAM servers, whose callbacks its handlers
   * do not recognise (every login refused).
   */
  @Override
  public void close() throws Exception {
    try {
      kafka.close();
    } finally {
      for (Provider provider : Security.getProviders()) {
        if (provider.getClass().getName().startsWith("org.apache.kafka.")) {
          Security.removeProvider(provider.getName());
        }
      }
    }
  }
}
