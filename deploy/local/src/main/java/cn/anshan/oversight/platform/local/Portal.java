package cn.anshan.oversight.platform.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The API portal of the local platform (issue 19 item 3): one page listing the five APIs, each with
 * its Swagger UI (served by the service itself, where Authorize signs in through Keycloak with
 * authorization code + PKCE) and its OpenAPI document, and the events (AsyncAPI) with each event's
 * schema and golden example. Served by the launcher on loopback, like the rest of the platform.
 */
final class Portal {
  private final Layout layout;
  private HttpServer server;

  Portal(Layout layout) {
    this.layout = layout;
  }

  String endpoint() {
    return "http://localhost:" + layout.ports().portal() + "/";
  }

  void start() {
    PortalPages pages = new PortalPages(layout.ports());
    String index = pages.index();
    String events = pages.events();
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), layout.ports().portal()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("portal: port " + layout.ports().portal(), e);
    }
    server.setExecutor(Executors.newSingleThreadExecutor(r -> daemon(r)));
    server.createContext(
        "/",
        exchange -> {
          switch (exchange.getRequestURI().getPath()) {
            case "/" -> send(exchange, 200, index);
            case "/events" -> send(exchange, 200, events);
            default -> send(exchange, 404, "<!doctype html><title>Not found</title>Not found");
          }
        });
    server.start();
  }

  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static void send(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "portal");
    t.setDaemon(true);
    return t;
  }
}
