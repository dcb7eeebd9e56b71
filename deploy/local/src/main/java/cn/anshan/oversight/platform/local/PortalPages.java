package cn.anshan.oversight.platform.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The portal's two pages, rendered once from the ports and the contracts on the classpath. */
final class PortalPages {
  private static final Map<String, String> TITLES =
      Map.of(
          "institution-registry", "Institution registry: approval, licences, staff, courses",
          "escrow-monitor", "Escrow monitor: custody, 一课一消 release, refunds, risk",
          "enrolment", "Enrolment: after-school programmes, enrolment, charges",
          "fee-approval", "Fee approval: after-school fees from proposal to publication",
          "audit", "Audit: timelines, as-of state, tamper evidence, findings");
  private static final String STYLE =
      """
      <style>
        body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #222; }
        table { border-collapse: collapse; width: 100%; }
        td, th { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; }
        code, pre { font: 13px ui-monospace, monospace; }
        pre { background: #f6f6f6; padding: .6rem; overflow: auto; max-height: 30rem; }
        details { margin: .2rem 0 .2rem 1rem; }
        .message { margin: 1rem 0; padding-left: .8rem; border-left: 3px solid #4a7; }
      </style>
      """;

  private final Ports ports;
  private final ObjectMapper json = new ObjectMapper();

  PortalPages(Ports ports) {
    this.ports = ports;
  }

  String index() {
    StringBuilder rows = new StringBuilder();
    for (ServiceComponent.Spec spec : ServiceComponent.SPECS) {
      String base = "http://localhost:" + ports.service(spec.port());
      rows.append(
          """
          <tr data-service="%s"><td>%s</td>
            <td><a class="try" href="%s/q/swagger-ui/">Swagger UI</a></td>
            <td><a href="%s/q/openapi">OpenAPI document</a></td><td><code>%s</code></td></tr>
          """
              .formatted(spec.name(), escape(TITLES.get(spec.name())), base, base, base));
    }
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>双减 Oversight Platform: API portal</title>%s</head>
        <body>
        <h1>双减 Oversight Platform: API portal</h1>
        <p>Each API's Swagger UI runs on the service itself. <b>Authorize</b> signs you in at the
        platform's Keycloak (<a href="%s/account">%s</a>, client <code>oversight-portal</code>,
        authorization code with PKCE); every request then carries your token and is authorised like
        any other. Demo users: <code>parent-1</code>, <code>operator-a</code>,
        <code>regulator-tiedong</code>, <code>auditor</code>, … (password = user name).</p>
        <table id="apis"><tr><th>API</th><th>Try it</th><th>Contract</th><th>Base URL</th></tr>
        %s</table>
        <h2>Events</h2>
        <p><a id="events" href="/events">Every domain event</a> with its JSON Schema and golden
        example (AsyncAPI 3, CloudEvents 1.0 on Kafka).</p>
        </body></html>
        """
        .formatted(STYLE, ports.realmUrl(), ports.realmUrl(), rows);
  }

  String events() {
    JsonNode api = yaml("contracts/asyncapi.yaml");
    StringBuilder body = new StringBuilder();
    body.append("<h1>")
        .append(escape(api.path("info").path("title").asText()))
        .append("</h1><pre>")
        .append(escape(api.path("info").path("description").asText()))
        .append("</pre>");
    api.path("channels")
        .properties()
        .forEach(
            channel -> {
              JsonNode c = channel.getValue();
              body.append("<h2 id=\"")
                  .append(escape(channel.getKey()))
                  .append("\">")
                  .append(escape(c.path("title").asText()))
                  .append(" <code>")
                  .append(escape(c.path("address").asText()))
                  .append("</code></h2><p>")
                  .append(escape(c.path("description").asText()))
                  .append("</p>");
              c.path("messages")
                  .properties()
                  .forEach(
                      m ->
                          body.append(
                              message(api.path("components").path("messages").path(m.getKey()))));
            });
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Events</title>"
        + STYLE
        + "</head><body><p><a href=\"/\">API portal</a></p>"
        + body
        + "</body></html>";
  }

  private String message(JsonNode message) {
    String schema = message.path("payload").path("schema").path("$ref").asText();
    String path = "contracts/" + schema.replaceFirst("^\\./", "");
    return """
        <div class="message"><h3>%s</h3><p><code>%s</code></p><p>%s</p>
        <details><summary>Schema</summary><pre>%s</pre></details>
        <details><summary>Golden example</summary><pre>%s</pre></details></div>
        """
        .formatted(
            escape(message.path("title").asText()),
            escape(message.path("name").asText()),
            escape(message.path("summary").asText()),
            escape(pretty(path)),
            escape(pretty(path.replace(".schema.json", ".example.json"))));
  }

  private String pretty(String resource) {
    try (InputStream in = stream(resource)) {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static JsonNode yaml(String resource) {
    try (InputStream in = stream(resource)) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  private static InputStream stream(String resource) {
    InputStream in = PortalPages.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the launcher's classpath");
    }
    return in;
  }

  static String escape(String text) {
    return text == null
        ? ""
        : text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;");
  }
}
