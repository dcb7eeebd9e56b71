package cn.anshan.oversight.system;

import cn.anshan.oversight.system.story.StoryContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The realm's demo users as the matrix sees them: one user per role, the realm roles in each user's
 * token, and for scoped roles the user of the same role in another scope.
 */
final class DemoUsers {

  static final String SCHOOL_ADMIN_2 = "school-admin-2";

  /** One user per role: the role rows of the matrix and the "own" side of probes. */
  static final List<String> ONE_PER_ROLE =
      List.of(
          StoryContext.OPERATOR_A,
          StoryContext.REGULATOR_TIEDONG,
          StoryContext.PRICING_OFFICER,
          StoryContext.CITY_GOV,
          StoryContext.SCHOOL_ADMIN,
          StoryContext.PARENT_1,
          StoryContext.BANK,
          StoryContext.AUDITOR,
          StoryContext.SCITECH_TIEDONG);

  /**
   * The same role in another scope: institution (institution_id), district, school (school_id),
   * family (the token's subject), sector department (district and sector). Pricing officer, city
   * government, custody bank and auditor act city-wide: no user of theirs is foreign to an object.
   */
  private static final Map<String, String> OTHER_SCOPE =
      Map.of(
          StoryContext.OPERATOR_A,
          StoryContext.OPERATOR_B,
          StoryContext.OPERATOR_B,
          StoryContext.OPERATOR_A,
          StoryContext.REGULATOR_TIEDONG,
          StoryContext.REGULATOR_LISHAN,
          StoryContext.REGULATOR_LISHAN,
          StoryContext.REGULATOR_TIEDONG,
          StoryContext.SCHOOL_ADMIN,
          SCHOOL_ADMIN_2,
          SCHOOL_ADMIN_2,
          StoryContext.SCHOOL_ADMIN,
          StoryContext.PARENT_1,
          StoryContext.PARENT_2,
          StoryContext.PARENT_2,
          StoryContext.PARENT_1,
          StoryContext.SCITECH_TIEDONG,
          StoryContext.SCITECH_LISHAN,
          StoryContext.SCITECH_LISHAN,
          StoryContext.SCITECH_TIEDONG);

  private static final Set<String> KEYCLOAK_ROLES = Set.of("offline_access", "uma_authorization");

  private final Tokens tokens;
  private final Map<String, Set<String>> roles = new LinkedHashMap<>();

  DemoUsers(Tokens tokens) {
    this.tokens = tokens;
  }

  /** The user of the same role in another scope, or null for a city-wide role. */
  static String otherScope(String user) {
    return OTHER_SCOPE.get(user);
  }

  synchronized Set<String> roles(String user) {
    return roles.computeIfAbsent(
        user,
        u -> {
          Set<String> r = new LinkedHashSet<>();
          Tokens.claims(tokens.of(u))
              .path("realm_access")
              .path("roles")
              .forEach(n -> r.add(n.asText()));
          return r;
        });
  }

  /** The user's application role (not Keycloak's default and offline roles). */
  String role(String user) {
    return roles(user).stream()
        .filter(r -> !r.startsWith("default-roles-") && !KEYCLOAK_ROLES.contains(r))
        .findFirst()
        .orElse("?");
  }

  /** The user's Keycloak subject. */
  String subject(String user) {
    return Tokens.claims(tokens.of(user)).path("sub").asText();
  }

  /** The scope claims of the user's token, named as the APIs name their parameters. */
  Map<String, String> scopeClaims(String user) {
    Map<String, String> m = new LinkedHashMap<>();
    var claims = Tokens.claims(tokens.of(user));
    if (claims.hasNonNull("institution_id")) {
      m.put("institutionId", claims.path("institution_id").asText());
    }
    if (claims.hasNonNull("school_id")) {
      m.put("schoolId", claims.path("school_id").asText());
    }
    return m;
  }
}
