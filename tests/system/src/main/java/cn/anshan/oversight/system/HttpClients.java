package cn.anshan.oversight.system;

import java.net.http.HttpClient;
import java.time.Duration;

/** The one way the story, the demo and the system tests make HTTP clients. */
public final class HttpClients {

  private HttpClients() {}

  /**
   * HTTP/1.1 only: the JDK 17 client's default h2c upgrade once hung reading a large {@code
   * /q/openapi} document from a Quarkus service, past every request timeout.
   */
  public static HttpClient http11(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
  }
}
