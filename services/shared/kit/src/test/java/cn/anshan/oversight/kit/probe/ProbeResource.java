package cn.anshan.oversight.kit.probe;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.CurrentActor;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.Cancellable;

/** A stand-in aggregate whose commands go through every kit mechanic. */
@Cancellable(false)
@Path("/probe/items")
@RolesAllowed({"regulator", "auditor"})
public class ProbeResource {
  private final CurrentActor actor;
  private final Outbox outbox;
  private final IdempotentCommands idempotency;

  public ProbeResource(CurrentActor actor, Outbox outbox, IdempotentCommands idempotency) {
    this.actor = actor;
    this.outbox = outbox;
    this.idempotency = idempotency;
  }

  public record LabelRequest(@NotBlank @Size(max = 20) String label, List<@Valid Tag> tags) {}

  public record Tag(@NotBlank String name) {}

  public record ItemView(String id, long version, String label) {}

  @POST
  @Path("/{id}/labels")
  public Uni<Response> label(
      @PathParam("id") String id,
      @QueryParam("fail") boolean fail,
      @QueryParam("holdMs") int holdMs,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentCommands.HEADER) String key,
      @Valid LabelRequest request) {
    CommandContext context = actor.command("regulator");
    return idempotency.execute(
        context, key, request, () -> relabel(context, id, ifMatch, request.label(), fail, holdMs));
  }

  /** A command without a body, e.g. a signature: the key still replays it. */
  @POST
  @Path("/{id}/touch")
  public Uni<Response> touch(
      @PathParam("id") String id, @HeaderParam(IdempotentCommands.HEADER) String key) {
    CommandContext context = actor.command("regulator");
    return idempotency.execute(
        context, key, null, () -> relabel(context, id, null, "touched", false, 0));
  }

  @WithTransaction
  Uni<CommandResult> relabel(
      CommandContext context, String id, String ifMatch, String label, boolean fail, int holdMs) {
    return ProbeItem.<ProbeItem>findById(id)
        .chain(
            existing -> {
              ProbeItem item = existing;
              if (item == null) {
                item = new ProbeItem();
                item.id = id;
              } else {
                Versions.requireIfMatch(ifMatch, item.version);
              }
              item.version++;
              item.label = label;
              ProbeItem saved = item;
              DomainEvent event =
                  new DomainEvent(
                      "ProbeItem",
                      id,
                      saved.version,
                      "ProbeLabelled.v1",
                      "tiedong",
                      Map.of("itemId", id, "label", label));
              return saved
                  .persist()
                  .chain(() -> outbox.append(context, event))
                  // holds the transaction open after the append, so commits can overtake inserts
                  .call(() -> hold(holdMs))
                  .map(
                      ignored -> {
                        if (fail) {
                          throw ProblemException.rule(
                              "TEST-01", "forced rollback after the append");
                        }
                        return CommandResult.created(
                            URI.create("/probe/items/" + id),
                            saved.version,
                            new ItemView(id, saved.version, label));
                      });
            });
  }

  /** A timer on the request's own Vert.x context, where the reactive session must stay. */
  private static Uni<Void> hold(int millis) {
    if (millis <= 0) {
      return Uni.createFrom().voidItem();
    }
    Context context = Vertx.currentContext();
    return Uni.createFrom()
        .emitter(emitter -> context.owner().setTimer(millis, timer -> emitter.complete(null)));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"regulator", "auditor"})
  public Uni<Response> get(@PathParam("id") String id) {
    return ProbeItem.<ProbeItem>findById(id)
        .map(
            item -> {
              if (item == null) {
                throw ProblemException.notFound("probe item " + id);
              }
              return Response.ok(new ItemView(item.id, item.version, item.label))
                  .header("ETag", Versions.etag(item.version))
                  .build();
            });
  }
}
