package cn.anshan.oversight.registry.rest.standing;

import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.service.standing.PublicInstitutionView;
import cn.anshan.oversight.registry.service.standing.PublicListPage;
import cn.anshan.oversight.registry.service.standing.StandingService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The public register: what a parent checks before paying an institution. */
@Cancellable(false)
@Path("/api/v1/public/institutions")
@Tag(name = "Public register", description = "List status and licence validity for everyone")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PublicRegisterResource {
  private final StandingService service;

  public PublicRegisterResource(StandingService service) {
    this.service = service;
  }

  @GET
  @Operation(summary = "The published white or black list (LST-01), optionally of one district")
  public Uni<PublicListPage> list(
      @QueryParam("listStatus") @DefaultValue("WHITE") ListStatus listStatus,
      @QueryParam("district") String district,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    return service.publishedList(listStatus, district, cursor, limit);
  }

  @GET
  @Path("/{institutionId}")
  @Operation(summary = "An approved institution's list status, licence validity and category")
  public Uni<PublicInstitutionView> institution(@PathParam("institutionId") String institutionId) {
    return service.publicView(institutionId);
  }
}
