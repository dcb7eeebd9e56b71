package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.ParentRepresentativeService;
import cn.anshan.oversight.fee.service.ParentRepresentativeView;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seated parent-committee representatives of a school (LN-ASV-01, LN-ASV-06); the committee
 * chooses them at {@link ParentCommitteeResource}.
 */
@Path("/api/v1/schools/{schoolId}/parent-representatives")
@Tag(
    name = "Parent representatives",
    description = "Parents who act for a school's parent committee in fee consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ParentRepresentativeResource {
  private final ParentRepresentativeService service;
  private final CurrentActor actor;

  public ParentRepresentativeResource(ParentRepresentativeService service, CurrentActor actor) {
    this.service = service;
    this.actor = actor;
  }

  @GET
  @RolesAllowed({Roles.SCHOOL_ADMIN, Roles.AUDITOR})
  @Operation(summary = "The school's seated representatives (own school, or auditors)")
  @APIResponse(
      responseCode = "200",
      description = "The school's representatives",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ParentRepresentativeView.class)))
  @APIResponse(responseCode = "404", description = "Not the admin's school")
  public Uni<List<ParentRepresentativeView>> listParentRepresentatives(
      @PathParam("schoolId") String schoolId) {
    return service.list(actor.actingAs(Roles.AUDITOR, Roles.SCHOOL_ADMIN), schoolId);
  }
}
