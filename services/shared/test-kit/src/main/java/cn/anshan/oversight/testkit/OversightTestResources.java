package cn.anshan.oversight.testkit;

import cn.anshan.oversight.contracts.EventBackbone.Principal;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * Starts the real infrastructure a service test needs, with no Docker and nothing pre-started:
 * embedded PostgreSQL 15 (zonky), an in-process KRaft Kafka broker ({@link TestBroker}: SASL, the
 * event backbone's ACLs, the service logged in as its own principal) and an OIDC issuer whose
 * signed tokens quarkus-oidc verifies like Keycloak's. Use it with {@code @WithTestResource(value =
 * OversightTestResources.class, scope = TestResourceScope.GLOBAL)}.
 *
 * <p>The embedded database has the roles production has (issue 16 item 1): the service connects as
 * {@value #RUNTIME_ROLE}, which owns nothing; its migrations run as {@value #OWNER_ROLE}; tests
 * themselves connect as the superuser ({@link TestInfra#connect()}) and, to prove what the service
 * cannot do, as the runtime role ({@link TestInfra#connectAsService()}).
 *
 * <p>Set {@code OVERSIGHT_TEST_PG_JDBC_URL} (with {@code OVERSIGHT_TEST_PG_USER}/{@code _PASSWORD})
 * or {@code OVERSIGHT_TEST_KAFKA_BOOTSTRAP} to use existing servers instead; an external database
 * is used with that one user for everything, an external broker without authentication (so without
 * the ACL checks).
 */
public class OversightTestResources implements QuarkusTestResourceLifecycleManager {
  static final String OWNER_ROLE = "oversight_owner";
  static final String RUNTIME_ROLE = "oversight_app";

  /** Where the service's schema lives and who may do what there. */
  private record Database(
      String url, String superUser, String superPassword, String owner, String runtime) {}

  private EmbeddedPostgres postgres;
  private TestBroker kafka;
  private TokenIssuer issuer;
  private Runnable[] brokerSwitch;

  @Override
  public Map<String, String> start() {
    CompletableFuture<Database> database = CompletableFuture.supplyAsync(this::startPostgres);
    Principal service = ServiceUnderTest.principal();
    CompletableFuture<String> broker = CompletableFuture.supplyAsync(() -> startKafka(service));
    issuer = TokenIssuer.start();
    Database db = database.join();
    String bootstrap = broker.join();
    if (brokerSwitch != null) {
      issuer.control("kafka/stop", brokerSwitch[0]);
      issuer.control("kafka/start", brokerSwitch[1]);
    }

    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", db.url());
    config.put("quarkus.datasource.reactive.url", db.url().substring("jdbc:".length()));
    config.put("quarkus.datasource.username", db.runtime());
    config.put("quarkus.datasource.password", password(db, db.runtime()));
    config.put("quarkus.datasource.owner.username", db.owner());
    config.put("quarkus.datasource.owner.password", password(db, db.owner()));
    if (kafka != null) {
      config.putAll(kafka.serviceConfig(service.name()));
      System.setProperty(
          TestInfra.KAFKA_ADMIN_JAAS,
          kafka.adminProperties().getProperty(SaslConfigs.SASL_JAAS_CONFIG));
    } else {
      config.put("kafka.bootstrap.servers", bootstrap);
    }
    config.put("quarkus.oidc.auth-server-url", issuer.issuer());
    System.setProperty(TestInfra.JDBC_URL, db.url());
    System.setProperty(TestInfra.DB_USER, db.superUser());
    System.setProperty(TestInfra.DB_PASSWORD, db.superPassword());
    System.setProperty(TestInfra.SERVICE_USER, db.runtime());
    System.setProperty(TestInfra.SERVICE_PASSWORD, password(db, db.runtime()));
    System.setProperty(TestInfra.OWNER_USER, db.owner());
    System.setProperty(TestInfra.OWNER_PASSWORD, password(db, db.owner()));
    System.setProperty(TestInfra.KAFKA_BOOTSTRAP, bootstrap);
    return config;
  }

  /** Demo credentials: a role's password is its name, except an external database's one user. */
  private static String password(Database db, String role) {
    return role.equals(db.superUser()) ? db.superPassword() : role;
  }

  private Database startPostgres() {
    String external = System.getenv("OVERSIGHT_TEST_PG_JDBC_URL");
    if (external != null) {
      String user = System.getenv().getOrDefault("OVERSIGHT_TEST_PG_USER", "postgres");
      String password = System.getenv().getOrDefault("OVERSIGHT_TEST_PG_PASSWORD", "postgres");
      return new Database(external, user, password, user, user);
    }
    try {
      postgres = EmbeddedPostgres.builder().start();
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement st = c.createStatement()) {
        // the same roles deploy/postgres/init.sql creates for each service
        st.execute("create role " + OWNER_ROLE + " login password '" + OWNER_ROLE + "'");
        st.execute("create role " + RUNTIME_ROLE + " login password '" + RUNTIME_ROLE + "'");
        st.execute("create role audit_ingest nologin");
        st.execute("grant audit_ingest to " + RUNTIME_ROLE);
        st.execute("create database oversight owner " + OWNER_ROLE);
      }
      return new Database(
          "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/oversight",
          "postgres",
          "postgres",
          OWNER_ROLE,
          RUNTIME_ROLE);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL", e);
    }
  }

  private String startKafka(Principal service) {
    String external = System.getenv("OVERSIGHT_TEST_KAFKA_BOOTSTRAP");
    if (external != null) {
      return external;
    }
    try {
      kafka = TestBroker.start(service);
      brokerSwitch = new Runnable[] {kafka.stopper(), kafka.starter()};
      return kafka.bootstrap();
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
