package cn.anshan.oversight.kit.openapi;

import cn.anshan.oversight.kit.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the realm as an OAuth2 scheme with the two flows our clients use: authorization code
 * with PKCE for people (the API portal, the auditor's console) and client credentials for the
 * custody bank. Quarkus names, per operation, the roles of its {@code @RolesAllowed} as the
 * requirement's scopes; they are listed here as the scheme's scopes with what each role is. A scope
 * is a realm role: Keycloak puts a user's roles into every token, so none has to be requested. An
 * operation without a requirement is public and says so with an empty one.
 */
final class KeycloakSecurity {
  /** Set as {@code quarkus.smallrye-openapi.security-scheme-name} in the kit's configuration. */
  static final String SCHEME = "keycloak";

  private static final Map<String, String> ROLES =
      Map.ofEntries(
          Map.entry(Roles.REGULATOR, "Education bureau regulator of a district or the city"),
          Map.entry(Roles.PRICING_OFFICER, "Pricing department officer (fee approval)"),
          Map.entry(Roles.CITY_GOVERNMENT, "City government (fee approval)"),
          Map.entry(Roles.INSTITUTION_OPERATOR, "Operator of one training institution"),
          Map.entry(Roles.SCHOOL_ADMIN, "Administrator of one school"),
          Map.entry(Roles.PARENT, "Parent or guardian"),
          Map.entry(Roles.CUSTODY_BANK, "Custody bank (client credentials)"),
          Map.entry(Roles.AUDITOR, "Auditor: reads history, changes nothing"),
          Map.entry(
              Roles.SECTOR_DEPARTMENT,
              "Sector department of a district (sports, culture-tourism, science-technology):"
                  + " co-approves its sector's non-subject institutions (REG-02)"),
          Map.entry(Roles.AUDIT_OPERATOR, "Runs audit maintenance; reads no business data"),
          Map.entry(Roles.PLATFORM_OPERATOR, "Runs the platform; reads no business data"));

  private KeycloakSecurity() {}

  static void describe(OpenAPI openAPI, Config config) {
    String realm = config.getValue("oversight.openapi.realm-url", String.class);
    String endpoints = realm + "/protocol/openid-connect";
    Map<String, String> scopes = new TreeMap<>();
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(item -> item.getOperations().values().forEach(op -> collect(op, scopes)));
    OAuthFlow code =
        OASFactory.createOAuthFlow()
            .authorizationUrl(endpoints + "/auth")
            .tokenUrl(endpoints + "/token")
            .refreshUrl(endpoints + "/token")
            .scopes(scopes);
    OAuthFlow bank =
        OASFactory.createOAuthFlow().tokenUrl(endpoints + "/token").scopes(new TreeMap<>(scopes));
    SecurityScheme scheme =
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.OAUTH2)
            .description(
                "Keycloak realm "
                    + realm
                    + ". People sign in with the authorization-code flow and PKCE; the custody"
                    + " bank uses client credentials. A scope is a realm role: the token's"
                    + " realm_access.roles must hold one of an operation's scopes.")
            .flows(OASFactory.createOAuthFlows().authorizationCode(code).clientCredentials(bank));
    openAPI.getComponents().setSecuritySchemes(Map.of(SCHEME, scheme));
  }

  private static void collect(Operation operation, Map<String, String> scopes) {
    if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
      operation.setSecurity(new ArrayList<>(List.of(publicAccess())));
      return;
    }
    for (SecurityRequirement requirement : operation.getSecurity()) {
      requirement
          .getSchemes()
          .values()
          .forEach(
              roles ->
                  roles.forEach(
                      role -> scopes.put(role, ROLES.getOrDefault(role, "Realm role " + role))));
    }
  }

  /** The empty requirement: "no authentication needed", as OpenAPI spells it. */
  private static SecurityRequirement publicAccess() {
    return OASFactory.createSecurityRequirement();
  }
}
