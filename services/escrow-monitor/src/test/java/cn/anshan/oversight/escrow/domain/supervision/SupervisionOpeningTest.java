package cn.anshan.oversight.escrow.domain.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionRules.AccountOpening;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PRE-10 / LN-PRE-02 / PRE-12 as plain calls on the supervision: each returns its events. */
class SupervisionOpeningTest {
  static final Instant NOW = Instant.parse("2026-04-20T02:00:00Z");
  static final CustodyAgreement RESERVE =
      new CustodyAgreement(
          SupervisionMode.RISK_RESERVE, "ICBC-AS", "ICBC Anshan", "6222-01", "A-1", "bureau");

  /** The opening of {@code institutionId}'s account given what is already there. */
  static Decision<Supervision> open(
      String institutionId, Supervision existing, boolean accountTaken) {
    return Supervision.open(
        institutionId,
        new AccountOpening(standing(institutionId), existing, accountTaken),
        RESERVE,
        "operator-1",
        NOW,
        500_000);
  }

  static InstitutionStanding standing(String institutionId) {
    InstitutionStanding standing = new InstitutionStanding(institutionId);
    standing.listed(1, "tiedong", null, "WHITE", true, NOW);
    return standing;
  }

  @Test
  @DisplayName("LN-PRE-02: opening the one account files the agreement, then opens the account")
  void lnPre02OpeningReturnsTheAgreementAndTheAccountEvents() {
    Decision<Supervision> opened = open("inst-1", null, false);
    assertEquals("tiedong", opened.aggregate().district());
    assertEquals(
        java.util.List.of("CustodyAgreementFiled.v1", "EscrowAccountOpened.v1"),
        opened.events().stream().map(e -> e.name()).toList());
    assertEquals(2, opened.numbered().get(1).aggregateVersion());
  }

  @Test
  @DisplayName("LN-PRE-02: a second account, or another institution's account number, is refused")
  void lnPre02ASecondAccountIsRefused() {
    Supervision existing = open("inst-1", null, false).aggregate();
    ProblemException second =
        assertThrows(ProblemException.class, () -> open("inst-1", existing, false));
    assertEquals("LN-PRE-02", second.problem().violations().get(0).rule());
    ProblemException taken = assertThrows(ProblemException.class, () -> open("inst-2", null, true));
    assertEquals("LN-PRE-02", taken.problem().violations().get(0).rule());
  }

  @Test
  @DisplayName("PRE-12: a reserve deposit grows the reserve and reports the new balance")
  void pre12AReserveDepositGrowsTheReserve() {
    Supervision s = open("inst-1", null, false).aggregate();
    var deposited = s.reserveDeposited(300_000, "BANK-1", 500_000, UUID.randomUUID(), NOW);
    assertEquals("RiskReserveDeposited.v1", deposited.name());
    assertEquals(300_000, s.reserveFen());
    assertTrue(s.reserveBelow(500_000), "PRE-13: still below the minimum");
  }
}
