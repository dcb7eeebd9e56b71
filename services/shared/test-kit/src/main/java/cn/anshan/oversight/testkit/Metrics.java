package cn.anshan.oversight.testkit;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service under test's {@code /q/metrics}, read as the platform operator (issue 20). */
public final class Metrics {
  private Metrics() {}

  /** The current scrape. */
  public static String scrape() {
    return given()
        .header("Authorization", Tokens.user("ops-1").role("platform-operator").bearer())
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /**
   * The value of one series, e.g. {@code name{label="x"}}, or -1 when the scrape lacks it. A
   * counter may be followed by its exemplar (the trace of a request it counted).
   */
  public static double value(String scrape, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)( # \\{.*)?$")
            .matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** The value of one series now. */
  public static double value(String series) {
    return value(scrape(), series);
  }
}
