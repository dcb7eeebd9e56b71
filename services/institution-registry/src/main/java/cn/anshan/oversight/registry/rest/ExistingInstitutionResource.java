package cn.anshan.oversight.registry.rest;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.registry.service.ApplicationService;
import cn.anshan.oversight.registry.service.ApplicationView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Onboarding of institutions approved before the platform (REG-04 re-registration). */
@Cancellable(false)
@Path("/api/v1/institutions/existing")
@Tag(name = "Applications")
@Produces(MediaType.APPLICATION_JSON)
public class ExistingInstitutionResource {
  private final ApplicationService service;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;

  public ExistingInstitutionResource(
      ApplicationService service, CurrentActor actor, IdempotentCommands idempotency) {
    this.service = service;
    this.actor = actor;
    this.idempotency = idempotency;
  }

  public record ExistingInstitutionRequest(
      @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String institutionId,
      @NotNull @Valid ApplicationRequest institution) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGULATOR)
  @Operation(
      summary = "Register an institution approved before the platform",
      description =
          "The regulator of the premises' district (REG-08) registers it as approved and becomes"
              + " its supervisor (REG-09). Existing subject-type institutions must be non-profit"
              + " 民非 (REG-04); REG-02, REG-06 and REG-10 apply as for applications.")
  @APIResponse(
      responseCode = "201",
      description = "Registered as approved; Location and ETag set",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ApplicationView.class)))
  public Uni<Response> registerExistingInstitution(
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid @NotNull ExistingInstitutionRequest request) {
    CommandContext command = actor.command(Roles.REGULATOR);
    return idempotency.execute(
        command,
        key,
        request,
        () ->
            service
                .registerExisting(command, request.institutionId(), request.institution().toForm())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/institution-applications/" + view.institutionId()),
                            view.version(),
                            view)));
  }
}
