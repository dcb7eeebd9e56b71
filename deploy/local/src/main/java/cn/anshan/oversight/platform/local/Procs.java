package cn.anshan.oversight.platform.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Process, port, HTTP and log helpers shared by the components. */
final class Procs {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private Procs() {}

  static synchronized void log(String fmt, Object... args) {
    System.out.println(
        LocalTime.now().format(TIME) + " [platform] " + String.format(fmt, args).stripTrailing());
    System.out.flush();
  }

  static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }

  /** True when something accepts TCP connections on 127.0.0.1:port. */
  static boolean portOpen(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int httpStatus(String url) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Polls {@code condition} every 250 ms until it holds. Fails early when {@code process} exits and
   * after {@code timeout}.
   */
  static void await(
      String what, Process process, Duration timeout, Path logFile, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (process != null && !process.isAlive() && !condition.getAsBoolean()) {
        throw new IllegalStateException(
            what
                + " exited with code "
                + process.exitValue()
                + " before it was ready; see "
                + logFile);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            what + " not ready after " + timeout.toSeconds() + " s; see " + logFile);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  /** Size of a log file now, so that {@link #logContainsSince} only looks at new lines. */
  static long logSize(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  static boolean logContainsSince(Path file, long offset, String needle) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      if (len <= offset) {
        return false;
      }
      raf.seek(offset);
      byte[] buf = new byte[(int) Math.min(len - offset, 8 * 1024 * 1024)];
      raf.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8).contains(needle);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Stops a process and everything below it. SIGTERM goes to the root first (kc.sh, for one,
   * forwards it to its Java child); whatever is still alive after {@code grace} gets SIGTERM
   * itself, and SIGKILL 10 s later. The tree is snapshotted before signalling, because children are
   * re-parented (and no longer visible as descendants) once their parent has exited.
   */
  static void terminateTree(String name, ProcessHandle root, Duration grace) {
    if (!root.isAlive()) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    root.destroy();
    if (!waitAllDead(tree, grace)) {
      for (ProcessHandle p : tree) {
        if (p.isAlive()) {
          Procs.log("%s: pid %d still alive after %s, sending SIGTERM", name, p.pid(), grace);
          p.destroy();
        }
      }
      if (!waitAllDead(tree, Duration.ofSeconds(10))) {
        for (ProcessHandle p : tree) {
          if (p.isAlive()) {
            Procs.log("%s: killing pid %d", name, p.pid());
            p.destroyForcibly();
          }
        }
        waitAllDead(tree, Duration.ofSeconds(5));
      }
    }
  }

  private static boolean waitAllDead(List<ProcessHandle> procs, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (procs.stream().noneMatch(ProcessHandle::isAlive)) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return procs.stream().noneMatch(ProcessHandle::isAlive);
  }

  /** The first Java process in a tree (the root itself when kc.sh exec'd its JVM). */
  static Optional<ProcessHandle> firstJava(ProcessHandle root) {
    if (isJava(root)) {
      return Optional.of(root);
    }
    return root.descendants().filter(Procs::isJava).findFirst();
  }

  private static boolean isJava(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/java")).orElse(false);
  }
}
