package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.FeeProposalService;
import cn.anshan.oversight.fee.service.PublishedFeeView;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The fees in force, displayed publicly (ASV-04); only these may be charged (§11 row 19). */
@Cancellable(false)
@Path("/api/v1/published-fees")
@Tag(name = "Published fees", description = "After-school fees in force, publicly displayed")
@Produces(MediaType.APPLICATION_JSON)
public class PublishedFeeResource {
  private final FeeProposalService service;

  public PublishedFeeResource(FeeProposalService service) {
    this.service = service;
  }

  @GET
  @Authenticated
  @Operation(
      summary = "The published fees of a school (any signed-in user)",
      description =
          "ASV-04: fees are publicly displayed. Only the latest published revision per term and"
              + " programme type is listed; amounts in fen per student per month.")
  public Uni<List<PublishedFeeView>> list(
      @QueryParam("schoolId") @NotBlank String schoolId,
      @QueryParam("termId") @Pattern(regexp = "[0-9]{4}-(spring|autumn|summer|winter)")
          String termId) {
    return service.published(schoolId, termId);
  }
}
