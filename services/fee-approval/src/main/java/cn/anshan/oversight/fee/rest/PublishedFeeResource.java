package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.FeePublication;
import cn.anshan.oversight.fee.service.PublishedFeeView;
import cn.anshan.oversight.kit.http.PublicRead;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
 * The fees in force, displayed publicly (ASV-04); only these may be charged (§11 row 19). Anyone
 * reads them without a token (issue 18 item 2), rate-limited per address and cacheable.
 */
@Cancellable(false)
@Path("/api/v1/published-fees")
@Tag(name = "Published fees", description = "After-school fees in force, publicly displayed")
@Produces(MediaType.APPLICATION_JSON)
public class PublishedFeeResource {
  private final FeePublication service;

  public PublishedFeeResource(FeePublication service) {
    this.service = service;
  }

  @GET
  @PermitAll
  @PublicRead
  @APIResponse(
      responseCode = "200",
      description = "The fees in force, with ETag and Cache-Control",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = PublishedFeeView.class)))
  @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
  @APIResponse(
      responseCode = "429",
      description = "More public reads from this address this minute than allowed; see Retry-After")
  @Operation(
      summary = "The published fees of a school (anyone, no token)",
      description =
          "ASV-04: fees are publicly displayed. Only the latest published revision per term and"
              + " programme type is listed; amounts in fen per student per month.")
  public Uni<List<PublishedFeeView>> listPublishedFees(
      @QueryParam("schoolId") @NotBlank String schoolId,
      @QueryParam("termId") @Pattern(regexp = "[0-9]{4}-(spring|autumn|summer|winter)")
          String termId) {
    return service.published(schoolId, termId);
  }
}
