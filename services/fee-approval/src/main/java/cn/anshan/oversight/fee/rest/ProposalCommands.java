package cn.anshan.oversight.fee.rest;

import cn.anshan.oversight.fee.service.FeeProposalView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/** A step on a proposal, run once per Idempotency-Key, answered with the proposal and its ETag. */
@ApplicationScoped
class ProposalCommands {
  private final IdempotentCommands idempotency;

  ProposalCommands(IdempotentCommands idempotency) {
    this.idempotency = idempotency;
  }

  Uni<Response> run(
      String idempotencyKey,
      CommandContext command,
      Object request,
      Supplier<Uni<FeeProposalView>> call) {
    // Body-less commands (signature, publication) pass a null request: the kit hashes it as the
    // empty body; the path names the operation and the proposal.
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () -> call.get().map(view -> CommandResult.ok(view.version(), view)));
  }

  /** A step that makes a new proposal (a draft, a revision): 201 with its Location. */
  Uni<Response> create(
      String idempotencyKey,
      CommandContext command,
      Object request,
      Supplier<Uni<FeeProposalView>> call) {
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            call.get()
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/fee-proposals/" + view.proposalId()),
                            view.version(),
                            view)));
  }
}
