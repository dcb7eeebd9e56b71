package cn.anshan.oversight.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the two answers every conditional command gives (kit {@code http/Versions}): an
 * operation that takes an {@code If-Match} header answers 412 when the version is stale and 428
 * when the header is missing. Written once here instead of two annotations on every such resource
 * method (issue 14 item 5).
 */
final class ConditionalCommandResponses {
  static final String IF_MATCH = "If-Match";

  private ConditionalCommandResponses() {}

  static void document(Operation operation) {
    if (!takesIfMatch(operation)) {
      return;
    }
    APIResponses responses = operation.getResponses();
    if (!responses.hasAPIResponse("412")) {
      responses.addAPIResponse(
          "412", OASFactory.createAPIResponse().description("If-Match is stale"));
    }
    if (!responses.hasAPIResponse("428")) {
      responses.addAPIResponse(
          "428", OASFactory.createAPIResponse().description("If-Match is missing"));
    }
  }

  private static boolean takesIfMatch(Operation operation) {
    return operation.getParameters() != null
        && operation.getResponses() != null
        && operation.getParameters().stream()
            .anyMatch(
                p -> p.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(p.getName()));
  }
}
