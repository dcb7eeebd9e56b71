package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.registry.config.StandingSettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.repository.standing.LicenceRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.function.UnaryOperator;

/**
 * The operating licence of an approved institution: issued, its scope changed, revoked by the
 * supervising regulator (REG-05, REG-09). Every change re-assesses the standing.
 */
@ApplicationScoped
public class LicenceService {
  private final InstitutionGate gate;
  private final LicenceRepository licences;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final StandingSettings settings;
  private final StandingAssessment assessment;

  public LicenceService(
      InstitutionGate gate,
      LicenceRepository licences,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      StandingSettings settings,
      StandingAssessment assessment) {
    this.gate = gate;
    this.licences = licences;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
    this.assessment = assessment;
  }

  /** The supervising regulator issues (or re-issues after expiry or revocation) the licence. */
  @WithTransaction
  public Uni<StandingView> issueLicence(
      CommandContext command,
      String institutionId,
      IfMatch ifMatch,
      String licenceNo,
      LocalDate validFrom,
      LocalDate validTo) {
    return supervised(
            command,
            institutionId,
            ifMatch,
            found ->
                OperatingLicence.toIssue(found, institutionId, validFrom, validTo, clock.today()))
        .chain(
            licensed -> {
              Institution institution = licensed.institution();
              OperatingLicence licence = licensed.licence();
              PendingEvent issued =
                  licence.issue(
                      institution,
                      licenceNo,
                      validFrom,
                      validTo,
                      command.actor().subject(),
                      clock.now());
              return licences
                  .persist(licence)
                  .call(() -> outbox.append(command, institution.record(issued)))
                  .chain(() -> assessment.reassess(command, institution));
            });
  }

  /**
   * A scope change (sub-category or mode) of a licence in force. REG-05: the legal registration
   * must follow within the configured working days, or the institution leaves the white list.
   */
  @WithTransaction
  public Uni<StandingView> changeLicenceScope(
      CommandContext command,
      String institutionId,
      IfMatch ifMatch,
      SubCategory subCategory,
      Mode mode) {
    return supervised(
            command,
            institutionId,
            ifMatch,
            found -> OperatingLicence.inForce(found, institutionId, clock.today()))
        .chain(
            licensed -> {
              Institution institution = licensed.institution();
              PendingEvent changed =
                  licensed
                      .licence()
                      .changeScope(
                          institution,
                          subCategory,
                          mode,
                          calendar.plusWorkingDays(
                              clock.today(), settings.registrationFollowWorkingDays()));
              return outbox
                  .append(command, institution.record(changed))
                  .chain(() -> assessment.reassess(command, institution));
            });
  }

  @WithTransaction
  public Uni<StandingView> revokeLicence(
      CommandContext command, String institutionId, IfMatch ifMatch, String ruleId, String detail) {
    return supervised(command, institutionId, ifMatch, OperatingLicence::toRevoke)
        .chain(
            licensed -> {
              Institution institution = licensed.institution();
              PendingEvent revoked =
                  licensed.licence().revoke(institution, ruleId, detail, clock.now());
              return outbox
                  .append(command, institution.record(revoked))
                  .chain(() -> assessment.reassess(command, institution));
            });
  }

  /** An institution the caller supervises, at the version they saw, and its licence. */
  private record Licensed(Institution institution, OperatingLicence licence) {}

  /**
   * Loads the institution (404 unless the caller supervises it; 412 on a stale If-Match) and its
   * licence, which {@code admit} returns or refuses for the command at hand.
   */
  private Uni<Licensed> supervised(
      CommandContext command,
      String institutionId,
      IfMatch ifMatch,
      UnaryOperator<OperatingLicence> admit) {
    return gate.supervisedBy(command.actor(), institutionId)
        .invoke(institution -> ifMatch.require(institution.version()))
        .chain(
            institution ->
                licences
                    .findById(institutionId)
                    .map(found -> new Licensed(institution, admit.apply(found))));
  }
}
