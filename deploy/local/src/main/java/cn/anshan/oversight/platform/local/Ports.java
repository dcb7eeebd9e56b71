package cn.anshan.oversight.platform.local;

/**
 * The platform's TCP ports: the documented defaults (PostgreSQL 55432, Kafka 9092/9093, Keycloak
 * 8180/9180, services 8081–8085, API portal 8090) shifted by one offset ({@code
 * OVERSIGHT_PORT_OFFSET}, default 0), so a second platform — the system tests' — can run beside a
 * developer's.
 */
record Ports(int offset) {

  static final String OFFSET_VARIABLE = "OVERSIGHT_PORT_OFFSET";
  private static final int HIGHEST_DEFAULT = 55432;

  Ports {
    if (offset < 0 || HIGHEST_DEFAULT + offset > 65535) {
      throw new IllegalArgumentException(
          OFFSET_VARIABLE
              + "="
              + offset
              + ": must be between 0 and "
              + (65535 - HIGHEST_DEFAULT)
              + " (every port is its default plus the offset)");
    }
  }

  static Ports fromEnvironment() {
    String v = System.getenv(OFFSET_VARIABLE);
    try {
      return new Ports(v == null || v.isBlank() ? 0 : Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(OFFSET_VARIABLE + "=" + v + " is not a number", e);
    }
  }

  int postgres() {
    return 55432 + offset;
  }

  int kafka() {
    return 9092 + offset;
  }

  int kafkaController() {
    return 9093 + offset;
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + kafka();
  }

  int keycloak() {
    return 8180 + offset;
  }

  int keycloakManagement() {
    return 9180 + offset;
  }

  /** The address tokens name as issuer: clients must use this host name. */
  String keycloakBase() {
    return "http://localhost:" + keycloak();
  }

  String realmUrl() {
    return keycloakBase() + "/realms/oversight";
  }

  /** The API portal the launcher serves ({@link Portal}). */
  int portal() {
    return 8090 + offset;
  }

  /** A service's port from its default ({@link ServiceComponent#SPECS}). */
  int service(int defaultPort) {
    return defaultPort + offset;
  }
}
