package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.service.BalanceStatements;
import cn.anshan.oversight.escrow.service.BankPaymentService;
import cn.anshan.oversight.escrow.service.CustodyBanks;
import cn.anshan.oversight.escrow.service.SupervisionService;
import cn.anshan.oversight.escrow.service.Views;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Movements reported by the custody bank (service account, role custody-bank, claim bank_id): only
 * the bank the institution's filed agreement names may report on its account (403, PRE-10 /
 * PRE-12). Each carries the bank's own reference: the same reference with the same content answers
 * the first receipt again (200), with different content 409. The bank can do nothing else.
 */
@Cancellable(false)
@Path("/api/v1/escrow/bank")
@Tag(name = "Custody bank", description = "Payments, reserve deposits and balance statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BankResource {
  private final BankPaymentService payments;
  private final SupervisionService supervision;
  private final BalanceStatements balanceStatements;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;
  private final CustodyBanks banks;

  public BankResource(
      BankPaymentService payments,
      SupervisionService supervision,
      BalanceStatements balanceStatements,
      CurrentActor actor,
      IdempotentCommands idempotency,
      CustodyBanks banks) {
    this.payments = payments;
    this.supervision = supervision;
    this.balanceStatements = balanceStatements;
    this.actor = actor;
    this.idempotency = idempotency;
    this.banks = banks;
  }

  @POST
  @Path("/payments")
  @RolesAllowed(Roles.CUSTODY_BANK)
  @Operation(
      summary = "A family's payment arrived in the institution's dedicated account (PRE-05)",
      description =
          "The ledger receives the money into custody and reserves each lesson's price for the"
              + " institution (REL-01). The amount must equal the order's (LN-PRE-05).")
  @APIResponse(
      responseCode = "201",
      description = "Received and reserved",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.PaymentReceipt.class)))
  @APIResponse(
      responseCode = "200",
      description = "The same bank reference again: first receipt",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.PaymentReceipt.class)))
  @APIResponse(
      responseCode = "403",
      description = "PRE-10 / PRE-12: the account's filed agreement names another bank")
  @APIResponse(responseCode = "404", description = "No such order")
  @APIResponse(
      responseCode = "409",
      description = "Order not awaiting payment, or reference reused")
  @APIResponse(responseCode = "422", description = "LN-PRE-05: amount differs from the order")
  public Uni<Response> reportBankPayment(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.BankPayment request) {
    CommandContext command = actor.command(Roles.CUSTODY_BANK);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            banks
                .admitForOrder(command.actor(), request.orderId())
                .chain(
                    () ->
                        payments.receivePayment(
                            command,
                            new BankPaymentService.BankPayment(
                                request.bankRef(),
                                request.orderId(),
                                request.amountFen(),
                                request.route().name())))
                .map(r -> new CommandResult(r.replayed() ? 200 : 201, r.value(), null, null)));
  }

  @POST
  @Path("/risk-reserve-deposits")
  @RolesAllowed(Roles.CUSTODY_BANK)
  @Operation(summary = "A deposit arrived in the institution's risk-reserve account (PRE-12)")
  @APIResponse(
      responseCode = "201",
      description = "Recorded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReserveReceipt.class)))
  @APIResponse(
      responseCode = "200",
      description =
          "The same bank reference again: nothing is recorded twice; the receipt has the current"
              + " reserve and no receivedAt",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.ReserveReceipt.class)))
  @APIResponse(
      responseCode = "403",
      description = "PRE-10 / PRE-12: the account's filed agreement names another bank")
  @APIResponse(responseCode = "404", description = "No supervised account")
  @APIResponse(
      responseCode = "409",
      description = "The bank reference was used for another movement")
  @APIResponse(responseCode = "422", description = "PRE-12: the institution uses custody")
  public Uni<Response> reportReserveDeposit(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.ReserveDeposit request) {
    CommandContext command = actor.command(Roles.CUSTODY_BANK);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            banks
                .admit(command.actor(), request.institutionId())
                .chain(
                    () ->
                        supervision.depositReserve(
                            command,
                            request.bankRef(),
                            request.institutionId(),
                            request.amountFen()))
                .map(r -> new CommandResult(r.receivedAt() == null ? 200 : 201, r, null, null)));
  }

  @POST
  @Path("/balance-statements")
  @RolesAllowed(Roles.CUSTODY_BANK)
  @Operation(
      summary =
          "The balance the bank actually holds in the custody account at the end of a day (row 13"
              + " a, PRE-08, PRE-25)",
      description =
          "Coverage = balance / value of unconsumed lessons; below 1 trips RiskIndicatorTripped"
              + " COVERAGE (REL-13). Reconciled with what the ledger says custody held at the end"
              + " of asOf (absent: now): less trips CUSTODY_SHORTFALL (PRE-08, RED), more"
              + " UNEXPLAINED_INFLOW (PRE-25, ORANGE). An asOf after today is 422 (PRE-08).")
  @APIResponse(
      responseCode = "200",
      description = "Coverage computed and balance reconciled",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.BalanceStatementReceipt.class)))
  @APIResponse(
      responseCode = "403",
      description = "PRE-10 / PRE-12: the account's filed agreement names another bank")
  @APIResponse(responseCode = "404", description = "No supervised account")
  @APIResponse(responseCode = "422", description = "PRE-08: asOf is after today")
  public Uni<Response> reportBalanceStatement(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.BalanceStatement request) {
    CommandContext command = actor.command(Roles.CUSTODY_BANK);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            banks
                .admit(command.actor(), request.institutionId())
                .chain(
                    () ->
                        balanceStatements.balanceStatement(
                            command,
                            request.bankRef(),
                            request.institutionId(),
                            request.asOf(),
                            request.balanceFen()))
                .map(r -> new CommandResult(200, r, null, null)));
  }
}
