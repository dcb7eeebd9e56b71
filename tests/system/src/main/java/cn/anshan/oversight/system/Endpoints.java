package cn.anshan.oversight.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the platform answers. Defaults are the local platform's addresses (deploy/README.md),
 * shifted by {@code OVERSIGHT_PORT_OFFSET} like the launcher's ports; every one can be overridden
 * with a system property or an environment variable of the same name (e.g. {@code KEYCLOAK_URL},
 * {@code REGISTRY_URL}).
 */
public record Endpoints(
    String keycloak, String registry, String escrow, String enrolment, String fee, String audit) {

  public static final String REALM = "oversight";

  /** The audit database's roles on the local platform (deploy/postgres/init.sql). */
  public static final String AUDIT_RUNTIME_ROLE = "audit_app";

  public static final String AUDIT_OWNER_ROLE = "audit";
  public static final String CLIENT_ID = "oversight-cli";

  public static Endpoints fromEnvironment() {
    int offset = portOffset();
    return new Endpoints(
        setting("KEYCLOAK_URL", local(8180 + offset)),
        setting("REGISTRY_URL", local(8081 + offset)),
        setting("ESCROW_URL", local(8082 + offset)),
        setting("ENROLMENT_URL", local(8083 + offset)),
        setting("FEE_URL", local(8084 + offset)),
        setting("AUDIT_URL", local(8085 + offset)));
  }

  /** The launcher's {@code OVERSIGHT_PORT_OFFSET} (0 when unset). */
  public static int portOffset() {
    return Integer.parseInt(setting("OVERSIGHT_PORT_OFFSET", "0"));
  }

  private static String local(int port) {
    return "http://localhost:" + port;
  }

  /** JDBC URL of the audit database ({@code AUDIT_DB_URL}; default: the launcher's PostgreSQL). */
  public String auditDatabase() {
    return setting(
        "AUDIT_DB_URL", "jdbc:postgresql://127.0.0.1:" + (55432 + portOffset()) + "/audit");
  }

  public String issuer() {
    return keycloak + "/realms/" + REALM;
  }

  public String tokenEndpoint() {
    return issuer() + "/protocol/openid-connect/token";
  }

  /** Service name (as under services/) to base URL. */
  public Map<String, String> services() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("institution-registry", registry);
    m.put("escrow-monitor", escrow);
    m.put("enrolment", enrolment);
    m.put("fee-approval", fee);
    m.put("audit", audit);
    return m;
  }

  private static String setting(String name, String def) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) {
      v = System.getenv(name);
    }
    return v == null || v.isBlank() ? def : v.replaceAll("/+$", "");
  }
}
