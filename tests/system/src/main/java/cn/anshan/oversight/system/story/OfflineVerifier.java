package cn.anshan.oversight.system.story;

import cn.anshan.oversight.system.StoryFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs the standalone export verifier ({@code services/audit/verifier/ExportVerifier.java}) as its
 * own JVM on an export's two files, with the key the auditor was given: what an auditor does
 * offline.
 */
final class OfflineVerifier {
  private final Path repo;
  private final Path workDir;

  OfflineVerifier(Path repo, Path workDir) {
    this.repo = repo;
    this.workDir = workDir;
  }

  /** The verifier's output and, when it did not pass, its exit status. */
  String verify(String ndjson, String manifest, String publicKey) {
    try {
      Files.createDirectories(workDir);
      Path n = workDir.resolve("export.ndjson");
      Path m = workDir.resolve("manifest.json");
      Files.writeString(n, ndjson, StandardCharsets.UTF_8);
      Files.writeString(m, manifest, StandardCharsets.UTF_8);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
                  java,
                  repo.resolve("services/audit/verifier/ExportVerifier.java").toString(),
                  n.toString(),
                  m.toString(),
                  publicKey)
              .redirectErrorStream(true);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new StoryFailure("the verifier did not finish");
      }
      return out + (p.exitValue() == 0 ? "" : " (exit " + p.exitValue() + ")");
    } catch (IOException e) {
      throw new StoryFailure("cannot run the verifier: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryFailure("interrupted");
    }
  }
}
