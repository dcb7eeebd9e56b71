package cn.anshan.oversight.registry.domain.standing;

import static cn.anshan.oversight.registry.domain.Refusals.refused;
import static cn.anshan.oversight.registry.domain.Refusals.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The refusals the licence, the registration and a sanction own (issue 14 item 2). */
class StandingChangesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
  private static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");

  @Test
  void reg06ALicenceIsIssuedForAValidPeriodAndNotOverOneInForce() {
    assertEquals(
        List.of("REG-06"),
        refused(
                422,
                () -> OperatingLicence.toIssue(null, "inst-1", TODAY, TODAY.minusDays(1), TODAY))
            .rules());
    OperatingLicence licence =
        OperatingLicence.toIssue(null, "inst-1", TODAY, TODAY.plusYears(3), TODAY);
    issue(licence);
    assertEquals(
        "licence-in-force",
        slug(
            refused(
                409,
                () ->
                    OperatingLicence.toIssue(
                        licence, "inst-1", TODAY, TODAY.plusYears(3), TODAY))));
    // the period is checked first: a bad period over a licence in force is still REG-06
    assertEquals(
        List.of("REG-06"),
        refused(
                422,
                () -> OperatingLicence.toIssue(licence, "inst-1", TODAY, TODAY.minusDays(1), TODAY))
            .rules());
    assertSame(licence, OperatingLicence.inForce(licence, "inst-1", TODAY));

    assertSame(licence, OperatingLicence.toRevoke(licence));
    licence.revoke("ENF-01: x", NOW);
    assertEquals("no-licence", slug(refused(409, () -> OperatingLicence.toRevoke(licence))));
    assertEquals("no-licence", slug(refused(409, () -> OperatingLicence.toRevoke(null))));
    assertEquals(
        "no-licence-in-force",
        slug(refused(409, () -> OperatingLicence.inForce(licence, "inst-1", TODAY))));
    // a revoked licence is re-issued in place
    assertSame(
        licence, OperatingLicence.toIssue(licence, "inst-1", TODAY, TODAY.plusYears(3), TODAY));
  }

  @Test
  void reg06ASubjectInstitutionFilesOnlyAMinfeiRegistration() {
    LegalRegistration.requireFileable(
        Category.SUBJECT, RegistrationType.MINFEI_CERTIFICATE, TODAY.plusYears(1), TODAY);
    assertEquals(
        "REG-06",
        refused(
                422,
                () ->
                    LegalRegistration.requireFileable(
                        Category.SUBJECT,
                        RegistrationType.BUSINESS_LICENCE,
                        TODAY.plusYears(1),
                        TODAY))
            .rules()
            .get(0));
  }

  @Test
  void onlyASanctionOfThisInstitutionStillInForceIsLifted() {
    Sanction sanction =
        new Sanction("inst-1", SanctionType.STOP_ENROLLING, "ENF-01", "x", "reg-7", NOW);
    assertSame(sanction, Sanction.toLift(sanction, "inst-1", sanction.id()));
    refused(404, () -> Sanction.toLift(sanction, "inst-2", sanction.id()));
    refused(404, () -> Sanction.toLift(null, "inst-1", UUID.randomUUID()));
    sanction.lift("reg-7", NOW);
    refused(404, () -> Sanction.toLift(sanction, "inst-1", sanction.id()));
  }

  private static void issue(OperatingLicence licence) {
    licence.issue(
        "L-1",
        Category.NON_SUBJECT,
        SubCategory.SCIENCE_TECH,
        Mode.OFFLINE,
        TODAY,
        TODAY.plusYears(3),
        "reg-7",
        NOW);
  }
}
