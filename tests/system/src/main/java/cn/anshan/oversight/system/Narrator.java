package cn.anshan.oversight.system;

import java.io.PrintStream;

/** Prints what each user did and what came back: the guided demo's voice, the tests' log. */
public final class Narrator {

  private final PrintStream out;
  private final boolean verbose;

  public Narrator(PrintStream out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  public void step(String number, String title) {
    out.println();
    out.println("== " + number + " " + title + " " + "=".repeat(Math.max(3, 90 - title.length())));
  }

  /** One request by one user and the answer's key facts. */
  public void call(String user, String method, String url, int status, String summary) {
    out.printf(
        "  %-18s %-6s %-70s -> %d%s%n",
        user,
        method,
        shorten(url),
        status,
        summary == null || summary.isBlank() ? "" : "  " + summary);
  }

  public void note(String text) {
    out.println("     " + text);
  }

  public void detail(String text) {
    if (verbose) {
      out.println("       " + text);
    }
  }

  public void skipped(String what, String why) {
    out.println("  (not done) " + what + ": " + why);
  }

  private static String shorten(String url) {
    return url.replaceFirst("^https?://localhost", "");
  }
}
