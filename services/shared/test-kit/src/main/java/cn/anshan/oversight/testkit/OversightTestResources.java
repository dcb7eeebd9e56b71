package cn.anshan.oversight.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts the real infrastructure a service test needs, with no Docker and nothing pre-started:
 * embedded PostgreSQL 15 (zonky), an in-process KRaft Kafka broker ({@code KafkaClusterTestKit})
 * and an OIDC issuer whose signed tokens quarkus-oidc verifies like Keycloak's. Use it with
 * {@code @WithTestResource(value = OversightTestResources.class, scope =
 * TestResourceScope.GLOBAL)}.
 *
 * <p>Set {@code OVERSIGHT_TEST_PG_JDBC_URL} (with {@code OVERSIGHT_TEST_PG_USER}/{@code _PASSWORD})
 * or {@code OVERSIGHT_TEST_KAFKA_BOOTSTRAP} to use existing servers instead.
 */
public class OversightTestResources implements QuarkusTestResourceLifecycleManager {
  private EmbeddedPostgres postgres;
  private KafkaClusterTestKit kafka;
  private TokenIssuer issuer;
  private Runnable[] brokerSwitch;

  @Override
  public Map<String, String> start() {
    CompletableFuture<String[]> database = CompletableFuture.supplyAsync(this::startPostgres);
    CompletableFuture<String> broker = CompletableFuture.supplyAsync(this::startKafka);
    issuer = TokenIssuer.start();
    String[] db = database.join();
    String bootstrap = broker.join();
    if (brokerSwitch != null) {
      issuer.control("kafka/stop", brokerSwitch[0]);
      issuer.control("kafka/start", brokerSwitch[1]);
    }

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", db[0]);
    config.put("quarkus.datasource.reactive.url", db[0].substring("jdbc:".length()));
    config.put("quarkus.datasource.username", db[1]);
    config.put("quarkus.datasource.password", db[2]);
    config.put("kafka.bootstrap.servers", bootstrap);
    config.put("quarkus.oidc.auth-server-url", issuer.issuer());
    System.setProperty(TestInfra.JDBC_URL, db[0]);
    System.setProperty(TestInfra.DB_USER, db[1]);
    System.setProperty(TestInfra.DB_PASSWORD, db[2]);
    System.setProperty(TestInfra.KAFKA_BOOTSTRAP, bootstrap);
    return config;
  }

  private String[] startPostgres() {
    String external = System.getenv("OVERSIGHT_TEST_PG_JDBC_URL");
    if (external != null) {
      return new String[] {
        external,
        System.getenv().getOrDefault("OVERSIGHT_TEST_PG_USER", "postgres"),
        System.getenv().getOrDefault("OVERSIGHT_TEST_PG_PASSWORD", "postgres")
      };
    }
    try {
      postgres = EmbeddedPostgres.builder().start();
      return new String[] {
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "postgres"
      };
    } catch (Exception e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL", e);
    }
  }

  private String startKafka() {
    String external = System.getenv("OVERSIGHT_TEST_KAFKA_BOOTSTRAP");
    if (external != null) {
      return external;
    }
    try {
      kafka =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "true")
              .setConfigProp("num.partitions", "3")
              .build();
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      var broker = kafka.brokers().values().iterator().next();
      brokerSwitch = new Runnable[] {() -> broker.shutdown(), () -> broker.startup()};
      return kafka.bootstrapServers();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start in-process Kafka", e);
    }
  }

  @Override
  public void stop() {
    if (issuer != null) {
      issuer.stop();
    }
    try {
      if (kafka != null) {
        kafka.close();
      }
    } catch (Exception e) {
      // the broker may already be down after an outage test; nothing left to release
    }
    try {
      if (postgres != null) {
        postgres.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
