package cn.anshan.oversight.escrow.domain.supervision;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Supervision (aggregate id = institution id): custody agreement, escrow account, risk reserve.
 * Factories return pending events; the aggregate numbers each where it is appended (its {@code
 * record}).
 */
public final class SupervisionEvents {
  private SupervisionEvents() {}

  public record CustodyAgreementFiled(
      String institutionId,
      String district,
      SupervisionMode mode,
      String bankId,
      String bankName,
      String agreementNo,
      String filedWith,
      Instant filedAt) {}

  public record EscrowAccountOpened(
      String institutionId,
      String district,
      SupervisionMode mode,
      String bankName,
      String accountNo,
      Long riskReserveMinFen,
      Instant openedAt) {}

  public record RiskReserveDeposited(
      String institutionId,
      String district,
      String bankRef,
      long amountFen,
      long reserveFen,
      long requiredMinFen,
      UUID journalEntryId,
      Instant depositedAt) {}

  static PendingEvent agreementFiled(Supervision s) {
    return supervision(
        s,
        "CustodyAgreementFiled.v1",
        new CustodyAgreementFiled(
            s.institutionId(),
            s.district(),
            s.mode(),
            s.bank().bankId(),
            s.bankName(),
            s.agreementNo(),
            s.agreementFiledWith(),
            s.openedAt()));
  }

  static PendingEvent accountOpened(Supervision s, long riskReserveMinFen) {
    return supervision(
        s,
        "EscrowAccountOpened.v1",
        new EscrowAccountOpened(
            s.institutionId(),
            s.district(),
            s.mode(),
            s.bankName(),
            s.accountNo(),
            s.mode() == SupervisionMode.RISK_RESERVE ? riskReserveMinFen : null,
            s.openedAt()));
  }

  static PendingEvent reserveDeposited(
      Supervision s, String bankRef, long amountFen, long minFen, UUID entryId, Instant at) {
    return supervision(
        s,
        "RiskReserveDeposited.v1",
        new RiskReserveDeposited(
            s.institutionId(),
            s.district(),
            bankRef,
            amountFen,
            s.reserveFen(),
            minFen,
            entryId,
            at));
  }

  private static PendingEvent supervision(Supervision s, String name, Object data) {
    return new PendingEvent(
        Supervision.AGGREGATE_TYPE, s.institutionId(), name, s.district(), data);
  }
}
