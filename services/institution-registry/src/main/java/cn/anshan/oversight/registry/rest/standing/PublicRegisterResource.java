package cn.anshan.oversight.registry.rest.standing;

import cn.anshan.oversight.kit.http.PublicRead;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.service.standing.PublicInstitutionView;
import cn.anshan.oversight.registry.service.standing.PublicListPage;
import cn.anshan.oversight.registry.service.standing.PublicRegister;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The public register: what a parent checks before paying an institution (PLT-12). Anyone may read
 * it without a token (issue 18 item 2): public facts only, rate-limited per client address and
 * cacheable ({@link PublicRead}).
 */
@Cancellable(false)
@Path("/api/v1/public/institutions")
@Tag(name = "Public register", description = "List status and licence validity for everyone")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@PublicRead
public class PublicRegisterResource {
  private final PublicRegister register;

  public PublicRegisterResource(PublicRegister register) {
    this.register = register;
  }

  @GET
  @APIResponse(
      responseCode = "200",
      description = "The public facts, with ETag and Cache-Control",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PublicListPage.class)))
  @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
  @APIResponse(
      responseCode = "429",
      description = "More public reads from this address this minute than allowed; see Retry-After")
  @Operation(summary = "The published white or black list (LST-01), optionally of one district")
  public Uni<PublicListPage> searchPublicRegister(
      @QueryParam("listStatus") @DefaultValue("WHITE") ListStatus listStatus,
      @QueryParam("district") String district,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return register.publishedList(listStatus, district, cursor, limit);
  }

  @GET
  @Path("/{institutionId}")
  @APIResponse(
      responseCode = "200",
      description = "The public facts, with ETag and Cache-Control",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PublicInstitutionView.class)))
  @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
  @APIResponse(
      responseCode = "429",
      description = "More public reads from this address this minute than allowed; see Retry-After")
  @Operation(summary = "An approved institution's list status, licence validity and category")
  public Uni<PublicInstitutionView> getPublicInstitution(
      @PathParam("institutionId") String institutionId) {
    return register.publicView(institutionId);
  }
}
