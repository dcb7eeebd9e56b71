package cn.anshan.oversight.registry.service.advertising;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.AdvertisingSettings;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.domain.advertising.AdChannel;
import cn.anshan.oversight.registry.domain.advertising.AdReport;
import cn.anshan.oversight.registry.domain.advertising.AdReportStatus;
import cn.anshan.oversight.registry.domain.advertising.RepeatLimits;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.advertising.AdReportRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Advertising control (ADV-01, §11 row 22): reports of suspected training ads, the supervising
 * regulator's decision, and repeat-offence detection. Sanctions stay a regulator's own act (ENF-01,
 * {@code POST /api/v1/institutions/{id}/sanctions}); nothing here imposes one.
 */
@ApplicationScoped
public class AdvertisingService {
  private final InstitutionRepository institutions;
  private final AdReportRepository reports;
  private final Outbox outbox;
  private final OversightClock clock;
  private final AdvertisingSettings settings;
  private final RegistrySettings registry;

  public AdvertisingService(
      InstitutionRepository institutions,
      AdReportRepository reports,
      Outbox outbox,
      OversightClock clock,
      AdvertisingSettings settings,
      RegistrySettings registry) {
    this.institutions = institutions;
    this.reports = reports;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
    this.registry = registry;
  }

  /**
   * Any registered institution may be reported, approved or not: advertising by an institution
   * still waiting for (or refused) approval is exactly what ADV-01 reports are for.
   */
  @WithTransaction
  public Uni<AdReportView> report(
      CommandContext command, String institutionId, AdChannel channel, String description) {
    return institutions
        .findById(institutionId)
        .map(
            institution ->
                ProblemException.requireFound(institution, "institution " + institutionId))
        .chain(
            institution ->
                outbox.appendNew(
                    command,
                    AdReport.report(
                        institutionId,
                        institution.district(),
                        channel,
                        description,
                        command.actor().subject(),
                        command.actor().role(),
                        clock.now()),
                    reports::persist))
        .map(AdReportView::of);
  }

  /**
   * ADV-01 prohibits every channel, so confirming needs no rule beyond being the regulator of the
   * institution's district. A confirmation that brings the institution's confirmed violations in
   * the window to the threshold also reports a repeat offence on the same report.
   */
  @WithTransaction
  public Uni<AdReportView> confirm(
      CommandContext command, UUID reportId, IfMatch ifMatch, String note) {
    LocalDate today = clock.today();
    RepeatLimits limits = limits();
    return decidable(command.actor(), reportId, ifMatch)
        // Read the earlier confirmations before this one changes, so no flush is needed.
        .chain(
            report ->
                reports
                    .confirmedSince(report.institutionId(), limits.windowStart(today))
                    .map(earlier -> new Confirmable(report, earlier)))
        .chain(c -> confirmed(command, c, note, today, limits));
  }

  /** A report about to be confirmed, with the institution's confirmations in the window so far. */
  private record Confirmable(AdReport report, List<LocalDate> earlier) {}

  private RepeatLimits limits() {
    return new RepeatLimits(settings.repeatThreshold(), settings.repeatWindowDays());
  }

  private Uni<AdReportView> confirmed(
      CommandContext command, Confirmable c, String note, LocalDate today, RepeatLimits limits) {
    AdReport report = c.report();
    AdReport.Confirmation confirmation =
        report.confirm(note, command.actor().subject(), clock.now(), today, c.earlier(), limits);
    return outbox
        .appendEach(command, confirmation.events(), report::record)
        .replaceWith(() -> AdReportView.of(report, confirmation.confirmationsInWindow()));
  }

  @WithTransaction
  public Uni<AdReportView> dismiss(
      CommandContext command, UUID reportId, IfMatch ifMatch, String note) {
    return decidable(command.actor(), reportId, ifMatch)
        .chain(
            report ->
                outbox
                    .append(
                        command,
                        report.record(
                            report.dismiss(
                                note, command.actor().subject(), clock.now(), clock.today())))
                    .replaceWith(AdReportView.of(report)));
  }

  /** Regulators see their district, auditors all, anyone else only what they reported. */
  @WithSession
  public Uni<AdReportView> get(Actor actor, UUID reportId) {
    return reports
        .findById(reportId)
        .map(
            report -> {
              boolean visible =
                  report != null
                      && (Roles.AUDITOR.equals(actor.role())
                          || (Roles.REGULATOR.equals(actor.role())
                              && actor.inDistrict(report.district()))
                          || report.reportedBy().equals(actor.subject()));
              if (!visible) {
                throw ProblemException.notFound("ad report " + reportId);
              }
              return AdReportView.of(report);
            });
  }

  @WithSession
  public Uni<AdReportPage> list(Actor actor, AdReportStatus status, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registry.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    String district = null;
    String reportedBy = null;
    switch (actor.role()) {
      case Roles.AUDITOR -> {}
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        district = actor.district();
      }
      default -> reportedBy = actor.subject();
    }
    return reports
        .page(district, reportedBy, status, after.instant(), Page.afterId(after), size + 1)
        .map(
            found -> {
              List<AdReportView> items = found.stream().limit(size).map(AdReportView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).reportedAt(),
                          items.get(size - 1).adReportId().toString())
                      : null;
              return new AdReportPage(items, next);
            });
  }

  private Uni<AdReport> decidable(Actor regulator, UUID reportId, IfMatch ifMatch) {
    return reports
        .findById(reportId)
        .map(
            report -> {
              if (report == null || !regulator.inDistrict(report.district())) {
                throw ProblemException.notFound("ad report " + reportId);
              }
              ifMatch.require(report.version());
              report.requireReported();
              return report;
            });
  }
}
