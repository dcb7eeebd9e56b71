package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.service.AttendanceMissing;
import cn.anshan.oversight.escrow.service.ConsumptionService;
import cn.anshan.oversight.escrow.service.OrderQueries;
import cn.anshan.oversight.escrow.service.OrderService;
import cn.anshan.oversight.escrow.service.RefundQueries;
import cn.anshan.oversight.escrow.service.RefundService;
import cn.anshan.oversight.escrow.service.RiskService;
import cn.anshan.oversight.escrow.service.Views;
import cn.anshan.oversight.escrow.service.Views.ConsumptionView;
import cn.anshan.oversight.escrow.service.Views.OrderPage;
import cn.anshan.oversight.escrow.service.Views.RefundView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.idempotency.CommandResult;
import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.CurrentActor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Prepaid orders (§11 rows 8, 10), their lesson consumptions (row 11) and refunds (row 12). */
@Cancellable(false)
@Path("/api/v1/escrow/orders")
@Tag(name = "Orders", description = "Prepaid orders with the model contract, 一课一消, refunds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARENT, Roles.INSTITUTION_OPERATOR, Roles.REGULATOR, Roles.AUDITOR})
public class OrderResource {
  private final OrderService orders;
  private final OrderQueries orderQueries;
  private final ConsumptionService consumptions;
  private final RefundService refunds;
  private final RefundQueries refundQueries;
  private final CurrentActor actor;
  private final IdempotentCommands idempotency;
  private final RiskService risk;

  public OrderResource(
      OrderService orders,
      OrderQueries orderQueries,
      ConsumptionService consumptions,
      RefundService refunds,
      RefundQueries refundQueries,
      CurrentActor actor,
      IdempotentCommands idempotency,
      RiskService risk) {
    this.orders = orders;
    this.orderQueries = orderQueries;
    this.consumptions = consumptions;
    this.refunds = refunds;
    this.refundQueries = refundQueries;
    this.actor = actor;
    this.idempotency = idempotency;
    this.risk = risk;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Order class hours of a filed course (LN-PRE-04, PRE-20…24, CON-01…09)",
      description =
          "Refused with the rule ID when it covers more than 60 class hours or 3 months"
              + " (LN-PRE-04), more than 5,000 yuan (PRE-20/PRE-21), is collected too early"
              + " (PRE-23), spans terms (PRE-24), splits a larger order (LN-PRE-04), uses another"
              + " contract text (CON-09), or the institution may not collect (LST-01, PRE-05).")
  @APIResponse(
      responseCode = "201",
      description = "Placed; awaiting the bank's payment",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.OrderView.class)))
  @APIResponse(responseCode = "404", description = "No such filed course")
  @APIResponse(
      responseCode = "422",
      description =
          "LN-PRE-04: more than 60 class hours or 3 months; PRE-20: more than 5,000 yuan; PRE-24: spans terms; CON-09: another contract text (every broken rule is listed)")
  public Uni<Response> placeOrder(
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.PlaceOrder request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            orders
                .place(command, request.toForm())
                .map(
                    view ->
                        CommandResult.created(
                            URI.create("/api/v1/escrow/orders/" + view.orderId()),
                            view.version(),
                            view)));
  }

  @GET
  @Operation(
      summary = "The caller's orders, oldest first (keyset pagination)",
      description =
          "Parents: their own; operators: their institution's; regulators: their district's;"
              + " auditors: all.")
  public Uni<OrderPage> listOrders(
      @QueryParam("cursor") String cursor,
      @Parameter(description = "page size, capped by configuration") @QueryParam("limit")
          Integer limit) {
    return orderQueries.list(reader(), cursor, limit);
  }

  @GET
  @Path("/{orderId}")
  @Operation(summary = "Read an order the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The order; ETag = version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.OrderView.class)))
  @APIResponse(responseCode = "404", description = "No such order visible to the caller")
  public Uni<Response> getOrder(@PathParam("orderId") UUID orderId) {
    return orderQueries
        .get(reader(), orderId)
        .map(view -> Response.ok(view).header("ETag", Versions.etag(view.version())).build());
  }

  @POST
  @Path("/{orderId}/consumptions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.INSTITUTION_OPERATOR)
  @Operation(
      summary = "Ask the family to confirm the next lesson as consumed (REL-02, REL-04)",
      description =
          "Names a session of the order's course that the registry reports held (SessionHeld),"
              + " that is over and inside the order's period, and that the order's child attended;"
              + " one lesson per session. The parent confirms or disputes; silence confirms after"
              + " the configured working days (REL-02/REL-03). A session the child did not attend"
              + " is refused and trips CONSUMPTION_WITHOUT_ATTENDANCE.")
  @APIResponse(
      responseCode = "201",
      description = "Requested",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsumptionView.class)))
  @APIResponse(responseCode = "404", description = "Not an order of the operator's institution")
  @APIResponse(
      responseCode = "409",
      description =
          "No paid lesson left; REL-04: the session was already asked for; or LST-01: the"
              + " institution may not collect now")
  @APIResponse(
      responseCode = "422",
      description =
          "REL-04: not a held session of the course, or the child did not attend; REL-02: not over"
              + " or outside the order's period")
  public Uni<Response> requestConsumption(
      @PathParam("orderId") UUID orderId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.RequestConsumption request) {
    CommandContext command = actor.command(Roles.INSTITUTION_OPERATOR);
    return idempotency
        .execute(
            command,
            idempotencyKey,
            request,
            () ->
                consumptions
                    .request(command, orderId, request.sessionId())
                    .map(view -> new CommandResult(201, view, null, null)))
        .onFailure(AttendanceMissing.class)
        .call(miss -> risk.consumptionWithoutAttendance(command, (AttendanceMissing) miss));
  }

  @GET
  @Path("/{orderId}/consumptions")
  @Operation(summary = "The lesson consumptions of an order the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The order's lesson consumptions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ConsumptionView.class)))
  @APIResponse(responseCode = "404", description = "No such order visible to the caller")
  public Uni<List<ConsumptionView>> listConsumptions(@PathParam("orderId") UUID orderId) {
    return consumptions.ofOrder(reader(), orderId);
  }

  @POST
  @Path("/{orderId}/refund-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARENT)
  @Operation(
      summary = "Ask for a refund of the own order (REL-05, CON-06/CON-07)",
      description =
          "Inside the contract's cooling-off window the refund is paid at once (CON-06);"
              + " otherwise the institution answers within the configured working days and"
              + " silence accepts (REL-05). Paid by the original route.")
  @APIResponse(
      responseCode = "201",
      description = "Requested (or paid, in cooling-off)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RefundView.class)))
  @APIResponse(responseCode = "404", description = "Not the parent's order")
  @APIResponse(responseCode = "409", description = "Not paid, or a refund is already open")
  public Uni<Response> requestRefund(
      @PathParam("orderId") UUID orderId,
      @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey,
      @Valid @NotNull Requests.RequestRefund request) {
    CommandContext command = actor.command(Roles.PARENT);
    return idempotency.execute(
        command,
        idempotencyKey,
        request,
        () ->
            refunds
                .request(command, orderId, request.reason())
                .map(
                    view ->
                        new CommandResult(
                            201, view, "/api/v1/escrow/refunds/" + view.refundId(), null)));
  }

  @GET
  @Path("/{orderId}/refunds")
  @Operation(summary = "The refunds of an order the caller may see")
  @APIResponse(
      responseCode = "200",
      description = "The order's refunds",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RefundView.class)))
  @APIResponse(responseCode = "404", description = "No such order visible to the caller")
  public Uni<List<RefundView>> listRefunds(@PathParam("orderId") UUID orderId) {
    return refundQueries.ofOrder(reader(), orderId);
  }

  @GET
  @Path("/{orderId}/ledger")
  @Operation(
      summary = "The order's immutable journal entries (reserved, released, returned, paid out)",
      description =
          "Double-entry, TigerBeetle-style two-phase transfers: one pending reservation per"
              + " lesson, posted when the lesson is confirmed, voided on refund.")
  @APIResponse(
      responseCode = "200",
      description = "The order's journal and balances",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Views.OrderLedgerView.class)))
  @APIResponse(responseCode = "404", description = "No such order visible to the caller")
  public Uni<Views.OrderLedgerView> getOrderLedger(@PathParam("orderId") UUID orderId) {
    return orderQueries.ledger(reader(), orderId);
  }

  private Actor reader() {
    return actor.actingAs(Roles.AUDITOR, Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Roles.PARENT);
  }
}
