package cn.anshan.oversight.testkit;

import cn.anshan.oversight.contracts.EventBackbone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * What tests may touch directly: the database over JDBC and the broker's power switch. Values
 * travel through system properties because the test resource and the test may live in different
 * class loaders.
 */
public final class TestInfra {
  static final String JDBC_URL = "oversight.test.jdbc.url";
  static final String DB_USER = "oversight.test.db.user";
  static final String DB_PASSWORD = "oversight.test.db.password";
  static final String SERVICE_USER = "oversight.test.db.service.user";
  static final String SERVICE_PASSWORD = "oversight.test.db.service.password";
  static final String OWNER_USER = "oversight.test.db.owner.user";
  static final String OWNER_PASSWORD = "oversight.test.db.owner.password";
  static final String KAFKA_BOOTSTRAP = "oversight.test.kafka.bootstrap";
  static final String KAFKA_ADMIN_JAAS = "oversight.test.kafka.admin.jaas";
  static final String CONTROL_URL = "oversight.test.control.url";

  private TestInfra() {}

  public static boolean canSwitchBroker() {
    return System.getProperty(CONTROL_URL) != null;
  }

  /** Shuts the in-process broker down, as in an outage; its port and data are kept. */
  public static void stopBroker() {
    control("kafka/stop");
  }

  public static void startBroker() {
    control("kafka/start");
  }

  private static void control(String name) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(System.getProperty(CONTROL_URL) + "/control/" + name))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String kafkaBootstrap() {
    return System.getProperty(KAFKA_BOOTSTRAP);
  }

  /**
   * Connection settings for a test's own Kafka client, logged in as the broker's super user: tests
   * read any topic and publish what no service may (duplicates, poison, forgeries).
   */
  public static Properties kafkaClient() {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
    String jaas = System.getProperty(KAFKA_ADMIN_JAAS);
    if (jaas != null) {
      p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
      p.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
      p.put(SaslConfigs.SASL_JAAS_CONFIG, jaas);
    }
    return p;
  }

  /** Connection settings logged in as one of the backbone's service principals. */
  public static Properties kafkaClientAs(String principal) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    p.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        EventBackbone.scramLogin(principal, TestBroker.password(principal)));
    return p;
  }

  /** As the database superuser: sees and may change everything, triggers included. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty(JDBC_URL), System.getProperty(DB_USER), System.getProperty(DB_PASSWORD));
  }

  /**
   * With the schema owner's credentials (the migrations'): DDL, triggers, everything but superuser.
   */
  public static Connection connectAsOwner() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty(JDBC_URL),
        System.getProperty(OWNER_USER),
        System.getProperty(OWNER_PASSWORD));
  }

  /** The role the service under test connects as (its runtime role). */
  public static String serviceUser() {
    return System.getProperty(SERVICE_USER);
  }

  /** With the service's own runtime credentials: what an insider holding them could do. */
  public static Connection connectAsService() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty(JDBC_URL),
        System.getProperty(SERVICE_USER),
        System.getProperty(SERVICE_PASSWORD));
  }

  /** Runs a query and returns its rows as column-name maps. */
  public static List<Map<String, Object>> query(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static long count(String sql, Object... params) {
    return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
  }
}
