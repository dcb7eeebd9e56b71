package cn.anshan.oversight.registry.rest.standing;

import cn.anshan.oversight.kit.http.PublicRead;
import cn.anshan.oversight.registry.service.unlicensed.OperatorLookupService;
import cn.anshan.oversight.registry.service.unlicensed.PublicOperatorMatch;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Any operator by name, approved or black-listed as unlicensed (PLT-12, issue 18 item 1): what a
 * parent checks about a flyer's name before paying. No token; rate-limited and cacheable.
 */
@Cancellable(false)
@Path("/api/v1/public/operators")
@Tag(name = "Public register", description = "List status and licence validity for everyone")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@PublicRead
public class PublicOperatorResource {
  private final OperatorLookupService service;

  public PublicOperatorResource(OperatorLookupService service) {
    this.service = service;
  }

  @GET
  @APIResponse(
      responseCode = "200",
      description = "Matches by name, with ETag and Cache-Control; empty when none",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = PublicOperatorMatch.class)))
  @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
  @APIResponse(
      responseCode = "429",
      description = "More public reads from this address this minute than allowed; see Retry-After")
  @Operation(
      summary = "Look any operator up by name: approved institutions and black-listed operators",
      description =
          "Case-insensitive substring match; up to 20 of each kind. An unlicensed operator appears"
              + " once sanctioned (LST-01), with the rule (ENF-02 / ENF-03).")
  public Uni<List<PublicOperatorMatch>> findOperatorsByName(
      @QueryParam("name") @NotNull @Size(min = 2, max = 100) String name) {
    return service.byName(name);
  }
}
