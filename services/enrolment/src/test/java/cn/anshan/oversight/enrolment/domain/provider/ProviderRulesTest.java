package cn.anshan.oversight.enrolment.domain.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ASV-06: who may serve in a programme, from the registry's standing events. */
class ProviderRulesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
  static final Instant NOW = Instant.parse("2026-09-01T01:00:00Z");

  static ProviderStanding white(LocalDate validTo) {
    ProviderStanding s = new ProviderStanding("inst-1");
    s.listed(5, "tiedong", "WHITE", true, "教民121030270000123号", validTo, NOW);
    return s;
  }

  @Test
  @DisplayName("ASV-06: white-listed, operational and licensed today is eligible")
  void asv06Eligible() {
    assertTrue(ProviderRules.ineligibility(white(TODAY), TODAY).isEmpty());
  }

  @Test
  @DisplayName("ASV-06: unknown, black-listed or with a lapsed licence is not")
  void asv06NotEligible() {
    assertFalse(ProviderRules.ineligibility(null, TODAY).isEmpty());
    assertFalse(ProviderRules.ineligibility(white(TODAY.minusDays(1)), TODAY).isEmpty());
    ProviderStanding black = white(TODAY.plusYears(1));
    black.listed(6, "tiedong", "BLACK", false, "教民121030270000123号", TODAY.plusYears(1), NOW);
    assertFalse(ProviderRules.ineligibility(black, TODAY).isEmpty());
    ProviderStanding revoked = white(TODAY.plusYears(1));
    revoked.licenceLapsed(6, "tiedong", NOW);
    assertFalse(ProviderRules.ineligibility(revoked, TODAY).isEmpty());
  }

  @Test
  @DisplayName("ASV-06: an older registry event never overwrites a newer standing")
  void asv06OlderEventsIgnored() {
    ProviderStanding s = white(TODAY.plusYears(1));
    assertTrue(s.licenceLapsed(7, "tiedong", NOW));
    assertFalse(s.listed(6, "tiedong", "WHITE", true, "x", TODAY.plusYears(1), NOW));
    assertEquals(false, s.licensed());
  }

  @Test
  @DisplayName("ASV-06: the evaluation pass mark is inclusive")
  void asv06PassMark() {
    assertTrue(ProviderRules.passes(60, 60));
    assertFalse(ProviderRules.passes(59, 60));
  }

  @Test
  @DisplayName("ASV-06: personnel (STF-06) and course (REG-03) are checked after the standing")
  void asv06BarredStaffAndSubjectTypeCoursesRefuse() {
    UUID courseId = UUID.randomUUID();
    FiledCourse course = new FiledCourse(courseId, "inst-1", 4_000, "机器人", NOW);
    ProviderOffer offer = new ProviderOffer("inst-1", courseId, 4_000, List.of("robotics"));
    ProviderStanding standing = white(TODAY.plusYears(1));
    assertEquals(Optional.empty(), ProviderRules.refusal(standing, 0, course, offer, TODAY));
    assertTrue(
        ProviderRules.refusal(standing, 2, course, offer, TODAY)
            .orElseThrow()
            .contains("2 of the institution's filed staff are on the staff blacklist (STF-06)"));
    course.classified(true);
    assertTrue(
        ProviderRules.refusal(standing, 0, course, offer, TODAY).orElseThrow().contains("REG-03"));
    course.classified(false);
    assertEquals(Optional.empty(), ProviderRules.refusal(standing, 0, course, offer, TODAY));
    // an ineligible standing is named first
    assertTrue(
        ProviderRules.refusal(null, 2, course, offer, TODAY).orElseThrow().contains("no standing"));
  }
}
