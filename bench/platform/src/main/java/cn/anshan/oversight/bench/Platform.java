package cn.anshan.oversight.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where the local platform listens: the launcher's default ports shifted by one offset ({@code
 * OVERSIGHT_PORT_OFFSET}), and each service's database (user = password = database name).
 */
record Platform(int offset) {
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  enum Service {
    REGISTRY("institution-registry", "registry", 8081),
    ESCROW("escrow-monitor", "escrow", 8082),
    ENROLMENT("enrolment", "enrolment", 8083),
    FEE("fee-approval", "fee", 8084),
    AUDIT("audit", "audit", 8085);

    final String name;
    final String database;
    final int port;

    Service(String name, String database, int port) {
      this.name = name;
      this.database = database;
      this.port = port;
    }
  }

  String url(Service service) {
    return "http://localhost:" + (service.port + offset);
  }

  String keycloak() {
    return "http://localhost:" + (8180 + offset);
  }

  String realm() {
    return keycloak() + "/realms/oversight";
  }

  int postgresPort() {
    return 55432 + offset;
  }

  String jdbc(String database) {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/" + database;
  }

  Connection connect(Service service) throws SQLException {
    return DriverManager.getConnection(jdbc(service.database), service.database, service.database);
  }

  /** The cluster's superuser (zonky's default), for pgbench's scratch databases. */
  Connection connectAsOwner(String database) throws SQLException {
    return DriverManager.getConnection(jdbc(database), "postgres", "postgres");
  }

  /** Throws unless Keycloak and every service answer ready. */
  void requireUp() {
    require(realm() + "/.well-known/openid-configuration");
    for (Service s : Service.values()) {
      require(url(s) + "/q/health/ready");
    }
  }

  private static void require(String url) {
    int status;
    try {
      status =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(
          url + " does not answer (" + e + "); start the platform: deploy/local/platform up");
    }
    if (status != 200) {
      throw new IllegalStateException(url + " answered " + status);
    }
  }
}
