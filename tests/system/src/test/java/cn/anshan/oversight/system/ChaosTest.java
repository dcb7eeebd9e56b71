package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 item 6: the chaos run's quick variant ({@code bench/chaos/run.sh --quick}, about three
 * minutes of load) against this module's platform — each service killed with {@code kill -9}, Kafka
 * paused and restarted, PostgreSQL crashed, the platform's supervisor restarting what died — then
 * nothing acknowledged may be lost or duplicated and the escrow ledger must balance. Last of the
 * suites: it takes the platform down piece by piece.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(9)
class ChaosTest {

  private static final Pattern VERDICT =
      Pattern.compile("acked (\\d+), lost (\\d+), duplicated (\\d+), (.*)");

  @Test
  void nothingAcknowledgedIsLostOrDuplicatedWhileEveryPartFails() throws Exception {
    Path repo = LocalPlatformFixture.repo();
    Path out = Path.of("target/chaos-run.log").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(repo.resolve("bench/chaos/run.sh").toString(), "--quick")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("OVERSIGHT_CHAOS_PLATFORM_MANAGED", "1");
    pb.environment().put("OVERSIGHT_STATE", LocalPlatformFixture.state().toString());
    pb.environment().put("OVERSIGHT_PORT_OFFSET", Integer.toString(Endpoints.portOffset()));
    pb.environment().put("OVERSIGHT_MVN_LOCK", LocalPlatformFixture.mavenLock().toString());
    Process run = pb.start();
    boolean finished = run.waitFor(20, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(out);
    printTail(lines);
    assertTrue(finished, "the chaos run did not finish within 20 minutes; see " + out);
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    Matcher m = VERDICT.matcher(last);
    assertTrue(m.matches(), "no verdict line; see " + out + ": " + last);
    // CI shows only the assertion message: it names every problem the run found
    List<String> named =
        new ArrayList<>(
            lines.stream()
                .filter(l -> l.startsWith("  PROBLEM") || l.contains("not quiet"))
                .toList());
    named.add(last);
    String verdict = String.join("\n", named);
    assertTrue(Long.parseLong(m.group(1)) >= 100, "too few commands acknowledged: " + verdict);
    assertEquals("0", m.group(2), verdict);
    assertEquals("0", m.group(3), verdict);
    assertEquals("invariants ok", m.group(4), verdict);
    assertEquals(0, run.exitValue(), verdict);
  }

  /** The summary (from its heading on), or the last 40 lines when the run ended before one. */
  private static void printTail(List<String> lines) {
    int faults = lines.lastIndexOf("faults:");
    int from = faults > 0 ? faults - 1 : Math.max(0, lines.size() - 40);
    lines.subList(from, lines.size()).forEach(l -> System.out.println("[chaos] " + l));
  }
}
