package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.Institution;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an institution stands on a given day, derived from its approval, licence, registration and
 * sanctions in force; never stored by hand. {@code reasons} say why it is not on the white list.
 *
 * <ul>
 *   <li>BLACK (LST-01): licence revoked, or a sanction that stops it or restricts it in force.
 *   <li>WHITE (LST-01): approved, a valid licence and a valid legal registration (REG-06), and the
 *       registration followed a licence change in time (REG-05). Only then is it OPERATIONAL.
 *   <li>NONE otherwise, e.g. approved but not yet licensed, or licence expired.
 * </ul>
 */
public record Standing(ListStatus listStatus, boolean operational, List<RuleViolation> reasons) {

  public static Standing assess(
      Institution institution,
      OperatingLicence licence,
      LegalRegistration registration,
      List<Sanction> sanctions,
      LocalDate today) {
    List<RuleViolation> black = blacklisting(licence, sanctions);
    if (!black.isEmpty()) {
      return new Standing(ListStatus.BLACK, false, List.copyOf(black));
    }
    List<RuleViolation> missing = missingForWhite(institution, licence, registration, today);
    return missing.isEmpty()
        ? new Standing(ListStatus.WHITE, true, List.of())
        : new Standing(ListStatus.NONE, false, List.copyOf(missing));
  }

  /** LST-01 / ENF-01: a revoked licence or a sanction in force that black-lists. */
  private static List<RuleViolation> blacklisting(
      OperatingLicence licence, List<Sanction> sanctions) {
    List<RuleViolation> black = new ArrayList<>();
    if (licence != null && licence.status() == LicenceStatus.REVOKED) {
      black.add(new RuleViolation("LST-01", "licence " + licence.licenceNo() + " was revoked"));
    }
    for (Sanction s : sanctions) {
      if (s.inForce() && s.type().blacklists()) {
        black.add(
            new RuleViolation(
                "ENF-01", s.type() + " in force (" + s.ruleId() + "): " + s.detail()));
      }
    }
    return black;
  }

  /** REG-08, REG-06, REG-05: what an institution lacks to be white-listed. */
  private static List<RuleViolation> missingForWhite(
      Institution institution,
      OperatingLicence licence,
      LegalRegistration registration,
      LocalDate today) {
    List<RuleViolation> missing = new ArrayList<>();
    if (institution.status() != ApplicationStatus.APPROVED) {
      missing.add(new RuleViolation("REG-08", "the institution is not approved"));
    }
    if (licence == null || !licence.isValidOn(today)) {
      missing.add(
          new RuleViolation(
              "REG-06",
              licence == null
                  ? "no school-running licence"
                  : "licence " + licence.licenceNo() + " is not valid on " + today));
    }
    if (registration == null || !registration.isValidOn(today)) {
      missing.add(new RuleViolation("REG-06", "no valid legal registration on " + today));
    }
    LocalDate due = institution.registrationDueBy();
    if (due != null && today.isAfter(due)) {
      missing.add(
          new RuleViolation(
              "REG-05",
              "the legal registration was not updated by "
                  + due
                  + " (7 working days after the licence change)"));
    }
    return missing;
  }

  /**
   * The list event when this standing moves {@code institution} to another list: whitelisted,
   * blacklisted or delisted, with the reasons; empty when the list status stays.
   */
  public Optional<PendingEvent> listChange(Institution institution, OperatingLicence licence) {
    ListStatus previous = institution.listStatus();
    if (listStatus == previous) {
      return Optional.empty();
    }
    institution.listAs(listStatus);
    return Optional.of(
        StandingEvents.listChanged(institution, licence, previous, operational, reasons));
  }
}
