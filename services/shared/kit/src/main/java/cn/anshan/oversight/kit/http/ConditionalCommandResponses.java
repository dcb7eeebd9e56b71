package cn.anshan.oversight.kit.http;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the two answers every conditional command gives (kit {@link Versions}): an operation
 * that takes an {@code If-Match} header answers 412 when the version is stale and 428 when the
 * header is missing. Written once here instead of two annotations on every such resource method
 * (issue 14 item 5); registered for every service by {@code mp.openapi.filter} in the kit's
 * configuration.
 */
public class ConditionalCommandResponses implements OASFilter {
  static final String IF_MATCH = "If-Match";

  @Override
  public Operation filterOperation(Operation operation) {
    if (takesIfMatch(operation)) {
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
    return operation;
  }

  private static boolean takesIfMatch(Operation operation) {
    return operation.getParameters() != null
        && operation.getResponses() != null
        && operation.getParameters().stream()
            .anyMatch(
                p -> p.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(p.getName()));
  }
}
