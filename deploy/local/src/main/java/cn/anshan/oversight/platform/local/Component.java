package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One thing the launcher starts and stops. Child processes are spawned through {@link #spawn},
 * which refuses once {@link #stop} has begun, so a SIGTERM that arrives during startup can never
 * leave an orphan behind.
 */
abstract class Component {

  protected final Layout layout;
  protected final String name;
  private boolean closed;
  private Process process;
  private volatile boolean started;
  private volatile Duration readyAfter;

  Component(Layout layout, String name) {
    this.layout = layout;
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Starts the component and blocks until it is ready. */
  final Duration start() throws Exception {
    long t0 = System.nanoTime();
    doStart();
    readyAfter = Duration.ofNanos(System.nanoTime() - t0);
    Procs.log("%s ready in %s", name, Procs.seconds(readyAfter));
    return readyAfter;
  }

  Duration readyAfter() {
    return readyAfter;
  }

  /** The process to report in status (pid, RSS); -1 when none. */
  long pid() {
    Process p = process();
    return p == null ? -1 : p.pid();
  }

  /** True while the component's process lives; the {@link Supervisor} restarts it otherwise. */
  boolean running() {
    Process p = process();
    return p != null && p.isAlive();
  }

  /** What to print after "ready": a URL, a bootstrap address, ... */
  abstract String endpoint();

  protected abstract void doStart() throws Exception;

  /** Stops the component; must be safe to call in any state and more than once. */
  final void stop() {
    Process p;
    synchronized (this) {
      closed = true;
      p = process;
    }
    long t0 = System.nanoTime();
    try {
      doStop(p);
    } catch (RuntimeException e) {
      Procs.log("%s: error while stopping: %s", name, e);
    }
    layout.deletePid(name);
    if (started) {
      Procs.log("%s stopped in %s", name, Procs.seconds(Duration.ofNanos(System.nanoTime() - t0)));
    }
  }

  protected void doStop(Process p) {
    if (p != null) {
      Procs.terminateTree(name, p.toHandle(), Duration.ofSeconds(30));
    }
  }

  /** For components that start something without {@link #spawn} (embedded PostgreSQL). */
  protected void markStarted() {
    started = true;
  }

  protected synchronized Process process() {
    return process;
  }

  protected synchronized boolean closed() {
    return closed;
  }

  protected Process spawn(List<String> command, Path workDir, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(workDir.toFile());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException(name + ": shutdown in progress, not starting");
      }
      process = pb.start();
      started = true;
      layout.writePid(name, process.pid());
      return process;
    }
  }
}
