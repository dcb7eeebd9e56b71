package cn.anshan.oversight.platform.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts a component again when it dies while the platform runs — a crash, an OOM kill, {@code kill
 * -9}, an operator's {@code pg_ctl stop} — the way an init system or a Kubernetes restart policy
 * would, so the platform heals itself and the chaos run ({@code bench/chaos}) needs no restart
 * logic of its own. Each component is restarted at most {@link #MAX_RESTARTS} times within {@link
 * #WINDOW}; after that it stays down and the log says so (a component that keeps dying needs a
 * person).
 */
final class Supervisor {

  static final int MAX_RESTARTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final List<? extends Component> watched;
  private final BooleanSupplier stopping;
  private final Map<Component, Deque<Instant>> restarts = new ConcurrentHashMap<>();
  private final Set<Component> restarting = ConcurrentHashMap.newKeySet();
  private final Set<Component> givenUp = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "supervisor"));
  private final ExecutorService starts =
      Executors.newCachedThreadPool(r -> daemon(r, "supervisor-restart"));

  Supervisor(List<? extends Component> watched, BooleanSupplier stopping) {
    this.watched = watched;
    this.stopping = stopping;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  private void check() {
    for (Component c : watched) {
      if (stopping.getAsBoolean()) {
        return;
      }
      if (c.running() || restarting.contains(c) || givenUp.contains(c)) {
        continue;
      }
      if (!mayRestart(c)) {
        givenUp.add(c);
        Procs.log(
            "ERROR: %s died %d times within %s; not restarting it again (see %s)",
            c.name(), MAX_RESTARTS, WINDOW, c.layout.log(c.name()));
        continue;
      }
      restarting.add(c);
      starts.submit(() -> restart(c));
    }
  }

  private boolean mayRestart(Component c) {
    Deque<Instant> times = restarts.computeIfAbsent(c, k -> new ArrayDeque<>());
    Instant now = Instant.now();
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
      times.removeFirst();
    }
    if (times.size() >= MAX_RESTARTS) {
      return false;
    }
    times.addLast(now);
    return true;
  }

  private void restart(Component c) {
    try {
      Procs.log(
          "WARNING: %s is not running; restarting it (%d of %d within %s)",
          c.name(), restarts.get(c).size(), MAX_RESTARTS, WINDOW);
      c.start();
    } catch (Exception e) {
      // the next check sees it down again and counts another restart
      Procs.log("%s: restart failed: %s", c.name(), e.getMessage() == null ? e : e.getMessage());
    } finally {
      restarting.remove(c);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
