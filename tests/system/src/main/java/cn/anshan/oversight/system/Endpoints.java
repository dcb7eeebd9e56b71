package cn.anshan.oversight.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the platform answers. Defaults are the local platform's fixed addresses (deploy/README.md);
 * every one can be overridden with a system property or an environment variable of the same name
 * (e.g. {@code KEYCLOAK_URL}, {@code REGISTRY_URL}).
 */
public record Endpoints(
    String keycloak, String registry, String escrow, String enrolment, String fee, String audit) {

  public static final String REALM = "oversight";
  public static final String CLIENT_ID = "oversight-cli";

  public static Endpoints fromEnvironment() {
    return new Endpoints(
        setting("KEYCLOAK_URL", "http://localhost:8180"),
        setting("REGISTRY_URL", "http://localhost:8081"),
        setting("ESCROW_URL", "http://localhost:8082"),
        setting("ENROLMENT_URL", "http://localhost:8083"),
        setting("FEE_URL", "http://localhost:8084"),
        setting("AUDIT_URL", "http://localhost:8085"));
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
