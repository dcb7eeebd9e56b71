package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.metrics.RelayMeters;
import cn.anshan.oversight.kit.tracing.EventSpans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Numbers and publishes committed outbox rows (DESIGN §1) on one dedicated thread per replica.
 *
 * <ul>
 *   <li>one replica leads, by a session advisory lock on its own connection; the others stand by
 *       and take over when the leader's connection goes away;
 *   <li>the leader numbers committed rows in one short transaction (the per-service {@code
 *       sequence}), then sends them in sequence order, in waves that keep each aggregate's order;
 *   <li>a row counts as published only after the broker acknowledged it: the contiguous
 *       acknowledged prefix moves a watermark (one row update per round, not one per event), rows
 *       acknowledged ahead of a failed one are marked so a retry does not send them again;
 *   <li>it holds no row lock while it waits for the broker, and commands never wait for it;
 *   <li>a row the broker refuses for what it is (not a broker outage) is tried {@code
 *       quarantine-after} times and then quarantined, so it cannot wedge its aggregate or the
 *       batch;
 *   <li>the leader writes a heartbeat ({@link ProducerEvents}) when it takes the lead and then
 *       every interval, so audit sees events lost at the end of the stream.
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {
  /** Advisory lock key of the relay leader; each service has its own database. */
  static final long LEADER_LOCK = 0x6f7574626f78L; // "outbox"

  private static final String TRY_LEAD = "select pg_try_advisory_lock(?)";
  private static final String WORK_WAITING =
      "select exists (select 1 from outbox_event where sequence is null),"
          + " exists (select 1 from outbox_event where released_at is not null and sent_at is null"
          + " and quarantined_at is null)";
  private static final String PURGE_SENT =
      "delete from outbox_event e using outbox_sequence s where (e.sequence <= s.published or"
          + " e.sent_at is not null) and e.quarantined_at is null"
          + " and (e.released_at is null or e.sent_at is not null)"
          + " and e.created_at < now() - make_interval(secs => ?)";
  private static final String PURGE_IDEMPOTENCY =
      "delete from idempotency_record where created_at < now() - make_interval(secs => ?)";

  private final AgroalDataSource dataSource;
  private final RelaySettings settings;
  private final EventSettings events;
  private final BrokerConnection connection;
  private final ProducerEvents producerEvents;
  private final RelayMeters meters;
  private final EventSpans spans;

  private volatile boolean running;
  private volatile boolean leading;
  private Thread thread;
  private long nextHousekeeping;
  private long nextHeartbeat;

  /** Highest sequence up to which every row was acknowledged; may run ahead of {@code stored}. */
  private long acknowledged = -1;

  /** The watermark as stored in {@code outbox_sequence.published}. */
  private long stored = -1;

  /** The next round must look beyond new rows: a full batch, a failure, a new leadership. */
  private boolean fullRoundDue;

  /** The last round failed: pause before the next. */
  private boolean backoff;

  public OutboxRelay(
      AgroalDataSource dataSource,
      RelaySettings settings,
      EventSettings events,
      BrokerConnection connection,
      ProducerEvents producerEvents,
      RelayMeters meters,
      EventSpans spans) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.events = events;
    this.connection = connection;
    this.producerEvents = producerEvents;
    this.meters = meters;
    this.spans = spans;
  }

  void start(@Observes StartupEvent event) {
    if (!settings.enabled()) {
      Log.info("outbox relay disabled");
      return;
    }
    launch();
  }

  /** Starts the relay thread; a replica that is not the leader stands by. */
  void launch() {
    running = true;
    nextHousekeeping = System.nanoTime();
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }

  /** Whether this replica currently numbers and publishes (for health and tests). */
  public boolean leading() {
    return leading;
  }

  private void run() {
    while (running) {
      try (Connection c = dataSource.getConnection();
          BrokerPublisher publisher = new BrokerPublisher(settings, events, connection, spans)) {
        c.setAutoCommit(true);
        while (running) {
          if (!leading && !tryLead(c)) {
            sleep(settings.pollInterval());
            continue;
          }
          beatIfDue(c);
          int published = round(c, publisher);
          housekeeping(c);
          if (backoff) {
            sleep(settings.retryBackoff());
          } else if (published == 0 && !fullRoundDue) {
            sleep(settings.idlePollInterval());
          } else if (!fullRoundDue) {
            sleep(settings.batchWindow());
          }
        }
      } catch (Exception e) {
        boolean wasLeading = leading;
        leading = false;
        acknowledged = -1;
        stored = -1;
        if (!running) {
          return;
        }
        Log.warnf(
            "outbox relay: %s%s; retrying in %s",
            wasLeading ? "leadership given up after " : "", e.toString(), settings.retryBackoff());
        sleep(settings.retryBackoff());
      }
    }
  }

  private boolean tryLead(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(TRY_LEAD)) {
      ps.setLong(1, LEADER_LOCK);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        leading = rs.getBoolean(1);
      }
    }
    if (leading) {
      Log.infof("outbox relay: this replica leads %s", events.topic());
      fullRoundDue = true; // rows a previous leader numbered but did not publish
      nextHeartbeat = System.nanoTime();
    }
    return leading;
  }

  /**
   * One round: store the acknowledged watermark and number new rows (one short transaction), then
   * send what is numbered and unacknowledged. Returns the number of rows acknowledged.
   */
  private int round(Connection c, BrokerPublisher publisher) throws SQLException {
    backoff = false;
    List<UnpublishedRow> batch = nextBatch(c);
    if (batch.isEmpty()) {
      return 0;
    }
    BrokerPublisher.Outcome outcome = publisher.publish(batch);
    meters.published(outcome.acknowledged().size());
    meters.failed(outcome.failed().size());
    List<UUID> ahead = acknowledge(batch, outcome);
    if (!outcome.failed().isEmpty()) {
      OutboxNumbering.advance(c, acknowledged);
      stored = acknowledged;
      OutboxNumbering.markAhead(c, ahead);
      recordFailure(c, outcome);
      fullRoundDue = true;
      backoff = true;
    } else {
      OutboxNumbering.markAhead(c, ahead);
    }
    return outcome.acknowledged().size();
  }

  /**
   * Stores the acknowledged watermark and numbers new rows; answers what is numbered and not yet
   * acknowledged (empty when nothing waits).
   */
  private List<UnpublishedRow> nextBatch(Connection c) throws SQLException {
    Waiting waiting = waiting(c);
    // a released row lies below the watermark: only the catch-up query finds it
    boolean catchingUp = fullRoundDue || waiting.released();
    if (!catchingUp && !waiting.unnumbered()) {
      if (acknowledged > stored) {
        OutboxNumbering.advance(c, acknowledged);
        stored = acknowledged;
      }
      return List.of();
    }
    OutboxNumbering.Numbered numbered =
        OutboxNumbering.number(c, settings.batchSize(), acknowledged);
    stored = numbered.counter().published();
    acknowledged = stored;
    // Unless catching up, every earlier number was acknowledged: the new rows are the whole batch.
    List<UnpublishedRow> batch =
        catchingUp ? OutboxNumbering.unpublished(c, stored, settings.batchSize()) : numbered.rows();
    fullRoundDue = batch.size() == settings.batchSize();
    return batch;
  }

  /**
   * Moves the watermark over the acknowledged rows up to the first gap; answers the acknowledged
   * rows beyond it (marked one by one, so a later round does not send them again).
   */
  private List<UUID> acknowledge(List<UnpublishedRow> batch, BrokerPublisher.Outcome outcome) {
    List<UUID> ahead = new ArrayList<>();
    boolean contiguous = true;
    for (UnpublishedRow p : batch) {
      boolean acked = outcome.acknowledged().contains(p.id());
      if (p.sequence() <= stored) {
        // a released row the watermark passed while it was quarantined
        if (acked) {
          ahead.add(p.id());
        }
        continue;
      }
      if (contiguous && acked) {
        acknowledged = p.sequence();
      } else {
        contiguous = false;
        if (acked) {
          ahead.add(p.id());
        }
      }
    }
    return ahead;
  }

  private void recordFailure(Connection c, BrokerPublisher.Outcome outcome) throws SQLException {
    OutboxNumbering.markFailed(c, outcome.error(), outcome.failed());
    Log.warnf(
        "outbox relay: %d sent, %d not acknowledged (%s)",
        outcome.acknowledged().size(), outcome.failed().size(), outcome.error());
    List<OutboxNumbering.Quarantined> quarantined =
        producerEvents.quarantineAnnounced(c, outcome.rejected(), settings.quarantineAfter());
    meters.quarantined(quarantined.size());
    for (OutboxNumbering.Quarantined q : quarantined) {
      Log.errorf(
          "outbox relay: QUARANTINED %s %s sequence %d after %d attempts (%s); the rest of the"
              + " stream goes on, an OutboxEventQuarantined alert follows and audit shows the"
              + " gap; fix the cause, then release it",
          q.type(), q.aggregate(), q.sequence(), settings.quarantineAfter(), q.error());
    }
  }

  /** Rows still to number, and released rows still to send. */
  private record Waiting(boolean unnumbered, boolean released) {}

  private static Waiting waiting(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(WORK_WAITING);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new Waiting(rs.getBoolean(1), rs.getBoolean(2));
    }
  }

  private void beatIfDue(Connection c) throws SQLException {
    if (!settings.heartbeat().enabled() || System.nanoTime() - nextHeartbeat < 0) {
      return;
    }
    nextHeartbeat = System.nanoTime() + settings.heartbeat().interval().toNanos();
    producerEvents.beat(c);
  }

  /**
   * Drops published rows and expired idempotency records, so neither table grows without bound.
   * Unpublished rows are never touched, whatever their age.
   */
  private void housekeeping(Connection c) throws SQLException {
    if (System.nanoTime() - nextHousekeeping < 0) {
      return;
    }
    nextHousekeeping = System.nanoTime() + settings.housekeepingInterval().toNanos();
    int sent = purge(c, PURGE_SENT, settings.sentRetention());
    int keys = purge(c, PURGE_IDEMPOTENCY, settings.idempotencyRetention());
    if (sent + keys > 0) {
      Log.infof(
          "housekeeping: dropped %d published outbox rows, %d idempotency records", sent, keys);
    }
  }

  private static int purge(Connection c, String sql, Duration retention) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, retention.toSeconds());
      return ps.executeUpdate();
    }
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
