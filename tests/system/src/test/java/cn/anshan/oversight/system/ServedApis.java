package cn.anshan.oversight.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operations of every service's served OpenAPI document ({@code /q/openapi?format=json}). */
final class ServedApis {

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private final List<Operation> operations;

  private ServedApis(List<Operation> operations) {
    this.operations = List.copyOf(operations);
  }

  static ServedApis load(Endpoints urls) throws IOException, InterruptedException {
    HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
    List<Operation> ops = new ArrayList<>();
    for (Map.Entry<String, String> s : urls.services().entrySet()) {
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(URI.create(s.getValue() + "/q/openapi?format=json"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode doc = Api.JSON.readTree(res.body());
      for (Map.Entry<String, JsonNode> p : doc.path("paths").properties()) {
        for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
          String method = op.getKey().toUpperCase();
          if (!METHODS.contains(method)) {
            continue;
          }
          Set<String> roles = new LinkedHashSet<>();
          op.getValue()
              .path("security")
              .forEach(
                  req ->
                      req.properties()
                          .forEach(e -> e.getValue().forEach(r -> roles.add(r.asText()))));
          Decisions.Kind decision =
              roles.isEmpty() ? Decisions.of(s.getKey(), method, p.getKey()) : null;
          ops.add(
              new Operation(
                  s.getKey(),
                  s.getValue(),
                  method,
                  p.getKey(),
                  roles,
                  decision,
                  op.getValue(),
                  doc));
        }
      }
    }
    return new ServedApis(ops);
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation a concrete request addressed: the most specific matching template. */
  Optional<Operation> match(String method, String url) {
    return operations.stream()
        .filter(o -> o.bind(method, url) != null)
        .max(Comparator.comparingInt(Operation::literalSegments));
  }
}
