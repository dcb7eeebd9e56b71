package cn.anshan.oversight.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request sent through {@link Api} in this JVM, in order: the authorisation matrix replays
 * the story's requests as a user of another scope (own/foreign object rows), and the field-exposure
 * test reads the bodies parents were shown. Static because the story and the matrix are different
 * test classes of one JVM (surefire runs them in class order with one fork).
 */
public final class RequestJournal {

  /**
   * One request and its answer. {@code headers} are the request headers the client set (never the
   * bearer token); {@code user} is null for a request without a token.
   */
  public record Exchange(
      String user,
      String method,
      String url,
      Map<String, String> headers,
      String requestBody,
      int status,
      String responseBody) {

    public boolean is2xx() {
      return status >= 200 && status < 300;
    }
  }

  private static final ConcurrentLinkedQueue<Exchange> EXCHANGES = new ConcurrentLinkedQueue<>();

  private RequestJournal() {}

  static void record(Exchange exchange) {
    EXCHANGES.add(exchange);
  }

  /** A snapshot, in the order the requests were sent. */
  public static List<Exchange> exchanges() {
    return List.copyOf(EXCHANGES);
  }
}
