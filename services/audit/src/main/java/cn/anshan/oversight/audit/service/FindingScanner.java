package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.domain.FindingRules.Kind;
import cn.anshan.oversight.audit.messaging.AuditEvents;
import cn.anshan.oversight.audit.messaging.AuditEvents.GapDetected;
import cn.anshan.oversight.audit.repository.BreachQueries;
import cn.anshan.oversight.audit.repository.FindingRepository;
import cn.anshan.oversight.audit.repository.FindingRepository.Candidate;
import cn.anshan.oversight.audit.repository.FindingRepository.Finding;
import cn.anshan.oversight.audit.repository.VerificationRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Looks periodically for completeness gaps (PLT-11) and cross-stream compliance breaches (issue 7
 * capabilities 4 and 6). Each new finding is stored with the rule it names and the events that
 * prove it, and announced as an event ({@code SequenceGapDetected} or {@code
 * ComplianceFindingRecorded}) in the same transaction. Detection is idempotent (a finding key per
 * breach); a gap that a late event fills is marked resolved.
 */
@ApplicationScoped
public class FindingScanner {
  static final String SERVICE = "audit";

  private final FindingRepository findings;
  private final BreachQueries breaches;
  private final VerificationRepository verification;
  private final Outbox outbox;
  private final Pool pool;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final AuditSettings settings;

  public FindingScanner(
      FindingRepository findings,
      BreachQueries breaches,
      VerificationRepository verification,
      Outbox outbox,
      Pool pool,
      OversightClock clock,
      WorkingDayCalendar calendar,
      AuditSettings settings) {
    this.findings = findings;
    this.breaches = breaches;
    this.verification = verification;
    this.outbox = outbox;
    this.pool = pool;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
  }

  /** A finding to store; {@code gap} describes a completeness gap, null for any other finding. */
  record Pending(Candidate candidate, GapDetected gap) {}

  @Scheduled(
      every = "${oversight.audit.scan.interval}",
      delayed = "${oversight.audit.scan.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return scan().invoke(n -> Log.infof("audit scan: %d new findings", n)).replaceWithVoid();
  }

  /** One scan; returns the number of new findings. */
  public Uni<Integer> scan() {
    Instant now = clock.now();
    Instant ruleCutoff = now.minus(settings.scan().findingGrace());
    List<Pending> pending = new ArrayList<>();
    List<String> openGapKeys = new ArrayList<>();
    return gaps(now, pending, openGapKeys)
        .chain(findings::watermarks)
        .chain(judged -> crossStream(judged, now, pending))
        .chain(() -> record(pending, now))
        .call(
            outcome ->
                outcome.failed() > 0
                    // judged again next time; the finding keys keep that idempotent
                    ? Uni.createFrom().voidItem()
                    : findings.judgedUntil(INCREMENTAL, ruleCutoff))
        // every open gap was listed (paged, no cap): the others have been filled
        .call(() -> findings.resolveGapsExcept(openGapKeys, now))
        .map(Recorded::stored);
  }

  /**
   * PLT-11: every open version and sequence gap is listed (its key kept open); one older than the
   * grace becomes a finding.
   */
  private Uni<Void> gaps(Instant now, List<Pending> pending, List<String> openGapKeys) {
    Instant cutoff = now.minus(settings.scan().gapGrace());
    return verification
        .allVersionGaps()
        .invoke(
            gaps ->
                gaps.forEach(
                    g -> {
                      openGapKeys.add(GapFindings.key(g));
                      if (!g.nextRecordedAt().isAfter(cutoff)) {
                        pending.add(GapFindings.finding(g, now));
                      }
                    }))
        .chain(verification::allSequenceGaps)
        .invoke(
            gaps ->
                gaps.forEach(
                    g -> {
                      openGapKeys.add(GapFindings.key(g));
                      if (!g.nextRecordedAt().isAfter(cutoff)) {
                        pending.add(GapFindings.finding(g, now));
                      }
                    }))
        .replaceWithVoid();
  }

  /** The cross-stream rules, each over the events since it last judged them (its watermark). */
  private Uni<Void> crossStream(Map<String, Instant> judged, Instant now, List<Pending> pending) {
    Instant ruleCutoff = now.minus(settings.scan().findingGrace());
    Instant exitCutoff = now.minus(settings.scan().providerExitGrace());
    Consumer<List<Candidate>> found = list -> list.forEach(c -> pending.add(new Pending(c, null)));
    return breaches
        .prepaymentsNotWhitelisted(window(judged, Kind.PREPAYMENT_NOT_WHITELISTED, ruleCutoff))
        .invoke(found)
        .chain(
            () ->
                breaches.releasesWithoutConsumption(
                    window(judged, Kind.RELEASE_WITHOUT_CONSUMPTION, ruleCutoff)))
        .invoke(found)
        .chain(
            () ->
                breaches.chargesWithoutPublishedFee(
                    window(judged, Kind.CHARGE_WITHOUT_PUBLISHED_FEE, ruleCutoff)))
        .invoke(found)
        .chain(() -> breaches.providersServingAfterBlacklist(exitCutoff))
        .invoke(found)
        .chain(breaches::eventIdConflicts)
        .invoke(found)
        .chain(
            () ->
                breaches.subjectSessions(
                    window(judged, Kind.SUBJECT_SESSION_ON_HOLIDAY, ruleCutoff)))
        .invoke(sessions -> sessions.forEach(session -> holidaySession(session, pending)))
        .replaceWithVoid();
  }

  /** The rules that judge only the events recorded since their previous scan. */
  static final List<String> INCREMENTAL =
      List.of(
          Kind.PREPAYMENT_NOT_WHITELISTED.name(),
          Kind.RELEASE_WITHOUT_CONSUMPTION.name(),
          Kind.CHARGE_WITHOUT_PUBLISHED_FEE.name(),
          Kind.SUBJECT_SESSION_ON_HOLIDAY.name());

  /**
   * Events recorded since the rule's previous cutoff, less an overlap: an ingest transaction that
   * stamped its events just before that cutoff may have committed just after the scan read.
   */
  static BreachQueries.Window window(Map<String, Instant> judged, Kind rule, Instant cutoff) {
    Instant previous = judged.get(rule.name());
    return new BreachQueries.Window(
        previous == null ? null : previous.minus(JUDGING_OVERLAP), cutoff);
  }

  static final Duration JUDGING_OVERLAP = Duration.ofMinutes(1);

  private record Recorded(int stored, int failed) {}

  /** TIM-01: no subject-type training on rest days or statutory holidays. */
  private void holidaySession(BreachQueries.Session s, List<Pending> pending) {
    LocalDate date;
    try {
      date = LocalDateTime.parse(s.localStart()).toLocalDate();
    } catch (DateTimeParseException | NullPointerException e) {
      return;
    }
    boolean working;
    try {
      working = calendar.isWorkingDay(date);
    } catch (RuntimeException outsideCalendar) {
      Log.warnf("TIM-01: no calendar for %s; session event %s not judged", date, s.eventId());
      return;
    }
    if (!working) {
      pending.add(
          new Pending(
              new Candidate(
                  Kind.SUBJECT_SESSION_ON_HOLIDAY + ":" + s.eventId(),
                  Kind.SUBJECT_SESSION_ON_HOLIDAY,
                  s.institutionId(),
                  s.district(),
                  "TIM-01: subject-type session scheduled on " + date + ", not a working day",
                  List.of(s.eventId())),
              null));
    }
  }

  /** Records one finding found outside a scan (e.g. by the checkpoint signer); idempotent. */
  public Uni<Void> report(Candidate candidate) {
    return record(List.of(new Pending(candidate, null)), clock.now()).replaceWithVoid();
  }

  private Uni<Recorded> record(List<Pending> pending, Instant now) {
    Map<String, Pending> byKey = new LinkedHashMap<>();
    pending.forEach(p -> byKey.putIfAbsent(p.candidate().key(), p));
    return findings
        .existingKeys(new ArrayList<>(byKey.keySet()))
        .chain(
            existing -> {
              List<Pending> fresh =
                  byKey.values().stream()
                      .filter(p -> !existing.contains(p.candidate().key()))
                      .toList();
              if (fresh.isEmpty()) {
                return Uni.createFrom().item(new Recorded(0, 0));
              }
              return Multi.createFrom()
                  .iterable(fresh)
                  .onItem()
                  .transformToUniAndConcatenate(p -> store(p, now))
                  .collect()
                  .asList()
                  .map(
                      stored -> {
                        int ok = (int) stored.stream().filter(Boolean::booleanValue).count();
                        return new Recorded(ok, stored.size() - ok);
                      });
            });
  }

  private Uni<Boolean> store(Pending p, Instant now) {
    Candidate c = p.candidate();
    UUID id = UUID.randomUUID();
    List<String> eventIds = c.events().stream().map(UUID::toString).toList();
    Finding finding = new Finding(id, c, eventIds, now);
    DomainEvent event = AuditEvents.finding(id, c, p.gap(), eventIds, now);
    CommandContext context =
        new CommandContext(
            Actor.system(SERVICE), "finding-" + id, eventIds.isEmpty() ? c.key() : eventIds.get(0));
    return pool.withTransaction(
            connection ->
                findings
                    .insert(connection, finding)
                    .chain(() -> outbox.append(connection, context, event)))
        .onFailure()
        .invoke(e -> Log.warnf("finding %s not recorded (another replica?): %s", c.key(), e))
        .replaceWith(true)
        .onFailure()
        .recoverWithItem(false);
  }
}
