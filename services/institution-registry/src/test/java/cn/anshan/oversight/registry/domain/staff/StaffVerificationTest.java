package cn.anshan.oversight.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18 item 3: a regulator's check turns a declaration into VERIFIED or REFUTED. */
class StaffVerificationTest {
  static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");

  static StaffMember filed(StaffForm form) {
    return StaffMember.file(
            "s-1",
            "i-1",
            "tiedong",
            Category.NON_SUBJECT,
            form,
            new StaffRoster(1, 1),
            new BackgroundCheck(false, false),
            StaffRulesTest.HALF,
            "op",
            NOW)
        .member();
  }

  static List<String> rules(Verification outcome) {
    return outcome.breaches().stream().map(RuleViolation::rule).toList();
  }

  @Test
  void aFilingStartsUnverifiedWithItsEvidence() {
    StaffMember member =
        filed(
            new StaffForm(
                "王老师",
                "hash",
                StaffRole.TEACHING,
                true,
                StaffRulesTest.PRO_CERT,
                false,
                true,
                new StaffEvidence("cert-scan:1", null)));
    assertEquals(VerificationStatus.UNVERIFIED, member.verification());
    assertEquals(new StaffEvidence("cert-scan:1", null), member.evidence());
    assertNull(member.verifiedAt());
  }

  @Test
  void confirmedCertificateAndNoSchoolPostIsVerified() {
    StaffMember member = filed(StaffRulesTest.teacher(true, StaffRulesTest.PRO_CERT));
    Verification outcome =
        member.verify(new QualificationCheck(true, false, "register #1"), "reg", NOW).outcome();
    assertEquals(VerificationStatus.VERIFIED, outcome.status());
    assertEquals(List.of(), outcome.breaches());
    assertEquals(VerificationStatus.VERIFIED, member.verification());
    assertEquals(2, member.version());
    assertEquals(NOW, member.verifiedAt());
  }

  @Test
  void stf01AndStf02AreTheBreachesACheckCanFind() {
    StaffMember member = filed(StaffRulesTest.teacher(true, StaffRulesTest.TEACHER_CERT));
    Verification outcome =
        member.verify(new QualificationCheck(false, true, "school letter"), "reg", NOW).outcome();
    assertEquals(VerificationStatus.REFUTED, outcome.status());
    assertEquals(List.of("STF-01", "STF-02"), rules(outcome));
    assertEquals(VerificationStatus.REFUTED, member.verification());
  }

  @Test
  void stf02AloneRefutesStaffWithNoCertificateToConfirm() {
    StaffMember clerk = filed(StaffRulesTest.other(false));
    assertEquals(
        List.of("STF-02"),
        rules(clerk.verify(new QualificationCheck(null, true, "letter"), "reg", NOW).outcome()));
    StaffMember another = filed(StaffRulesTest.other(false));
    assertEquals(
        VerificationStatus.VERIFIED,
        another
            .verify(new QualificationCheck(null, false, "contract"), "reg", NOW)
            .outcome()
            .status());
  }

  @Test
  void aTeachersCheckMustSayWhetherTheCertificateWasConfirmed() {
    StaffMember member = filed(StaffRulesTest.teacher(true, StaffRulesTest.PRO_CERT));
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> member.verify(new QualificationCheck(null, false, "x"), "reg", NOW));
    assertEquals(400, refused.problem().status());
    assertEquals(VerificationStatus.UNVERIFIED, member.verification());
    assertEquals(1, member.version());
  }

  @Test
  void noCertificateFindingForStaffWhoNeedAndDeclaredNone() {
    StaffMember clerk = filed(StaffRulesTest.other(false));
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> clerk.verify(new QualificationCheck(false, false, "x"), "reg", NOW));
    assertEquals(400, refused.problem().status());
    assertEquals(VerificationStatus.UNVERIFIED, clerk.verification());
  }

  @Test
  void nothingIsVerifiedAfterThePersonLeft() {
    StaffMember member = filed(StaffRulesTest.teacher(true, StaffRulesTest.PRO_CERT));
    member.leave(new StaffRoster(2, 2), StaffRulesTest.HALF, "op", NOW);
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> member.verify(new QualificationCheck(true, false, "x"), "reg", NOW));
    assertEquals(409, refused.problem().status());
  }
}
