package cn.anshan.oversight.escrow.rest;

import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.order.OrderForm;
import cn.anshan.oversight.escrow.domain.supervision.CustodyAgreement;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the escrow commands. */
public final class Requests {
  private Requests() {}

  /** PRE-10 / PRE-12: the filed agreement and the one supervised account. */
  public record SetUpSupervision(
      @NotNull SupervisionMode mode,
      @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,32}") String bankId,
      @NotBlank @Size(max = 200) String bankName,
      @NotBlank @Size(max = 64) String accountNo,
      @NotBlank @Size(max = 64) String agreementNo,
      @NotBlank @Size(max = 200) String agreementFiledWith) {

    CustodyAgreement toAgreement() {
      return new CustodyAgreement(
          mode,
          bankId,
          bankName.strip(),
          accountNo.strip(),
          agreementNo.strip(),
          agreementFiledWith.strip());
    }
  }

  /**
   * CON-05: a lump sum or instalments (absent {@code instalments} = 1) and the declared method; a
   * training loan is refused by name (PRE-06).
   */
  public record Payment(
      @NotNull PaymentPlan plan,
      @Min(1) @Max(60) Integer instalments,
      @NotNull PaymentMethod method) {

    int count() {
      return instalments == null ? 1 : instalments;
    }
  }

  /**
   * CON-01…09: the terms the parties fill in; the institution and service particulars are filled in
   * by the platform from the registry (PLT-06).
   */
  public record Contract(
      @NotBlank @Size(max = 32) String template,
      @Min(0) @Max(365) int coolingOffDaysBefore,
      @Min(0) @Max(8760) int coolingOffHoursAfter,
      @NotNull SupervisionMode supervisionMode,
      @NotNull @Valid Payment payment) {}

  /** {@code childId}: one of the parent's children, as linked in enrolment (PLT-08). */
  public record PlaceOrder(
      @NotNull UUID courseId,
      @NotNull UUID childId,
      @Min(1) @Max(10000) int classHours,
      @NotNull LocalDate periodStart,
      @NotNull LocalDate periodEnd,
      @NotNull @Valid Contract contract) {

    OrderForm toForm() {
      return new OrderForm(
          courseId,
          childId,
          classHours,
          periodStart,
          periodEnd,
          contract.template(),
          contract.coolingOffDaysBefore(),
          contract.coolingOffHoursAfter(),
          contract.supervisionMode(),
          contract.payment().plan(),
          contract.payment().count(),
          contract.payment().method());
    }
  }

  /** PRE-25: every route is swept into the dedicated account; refunds return by it (REL-05). */
  public enum PaymentRoute {
    BANK_TRANSFER,
    CARD,
    WECHAT_PAY,
    ALIPAY,
    CASH
  }

  public record BankPayment(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String bankRef,
      @NotNull UUID orderId,
      @Min(1) @MovementLimit long amountFen,
      @NotNull PaymentRoute route) {}

  public record ReserveDeposit(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String bankRef,
      @NotBlank @Size(max = 64) String institutionId,
      @Min(1) @MovementLimit long amountFen) {}

  /** {@code asOf}: the day whose closing balance is stated; absent = now. */
  public record BalanceStatement(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String bankRef,
      @NotBlank @Size(max = 64) String institutionId,
      LocalDate asOf,
      @Min(0) @MovementLimit long balanceFen) {}

  /** REL-04: the held session (registry SessionHeld) the lesson is asked for. */
  public record RequestConsumption(@NotNull UUID sessionId) {}

  public record Dispute(@NotBlank @Size(max = 2000) String reason) {}

  public enum DisputeOutcome {
    RELEASE,
    RETURN
  }

  public record ResolveDispute(@NotNull DisputeOutcome outcome) {}

  public enum RefundDecision {
    REFUND,
    REJECT
  }

  public record DecideRefund(@NotNull RefundDecision outcome) {}

  public record RequestRefund(@Size(max = 2000) String reason) {}
}
