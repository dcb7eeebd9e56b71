package cn.anshan.oversight.kit.openapi;

import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What every service's OpenAPI document says beyond its annotations, the same way in all five, so
 * that generated clients and a linter's recommended rules are satisfied (issue 19 item 1): the
 * local server, the Keycloak OAuth2 scheme, problem+json with an example on every error response,
 * and 412/428 on every conditional command. Registered by {@code mp.openapi.filter} in the kit's
 * configuration; Quarkus runs it when it builds the document, so the committed contract and {@code
 * /q/openapi} agree.
 */
public class ContractFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Config config = ConfigProvider.getConfig();
    LocalServer.describe(openAPI, config);
    KeycloakSecurity.describe(openAPI, config);
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .values()
                    .forEach(
                        operation -> {
                          ConditionalCommandResponses.document(operation);
                          ProblemResponses.document(path, operation, openAPI.getComponents());
                        }));
    ProblemResponses.addSchemas(openAPI.getComponents());
    describeLocalDateTime(openAPI.getComponents());
  }

  /**
   * Timetables keep local time (Asia/Shanghai) without an offset; SmallRye's default schema for it
   * claims {@code date-time}, which requires one, and gives an example without one.
   */
  private static void describeLocalDateTime(Components components) {
    Schema local =
        components.getSchemas() == null ? null : components.getSchemas().get("LocalDateTime");
    if (local != null) {
      local.setFormat(null);
      local.setPattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$");
      local.setDescription("Local time in Asia/Shanghai, ISO 8601 without an offset");
      local.setExamples(List.of("2027-03-10T16:30:00"));
    }
  }
}
