package cn.anshan.oversight.kit.openapi;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The server is the host that serves the document: every deployment serves the same paths, so a
 * client takes the base URL as a setting; the description names the local platform's.
 */
final class LocalServer {
  private LocalServer() {}

  static void describe(OpenAPI openAPI, Config config) {
    int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    openAPI.setServers(null);
    openAPI.addServer(
        OASFactory.createServer()
            .url("/")
            .description(
                "The service itself; on the local platform (deploy/local/platform up)"
                    + " http://localhost:"
                    + port));
  }
}
