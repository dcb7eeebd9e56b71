package cn.anshan.oversight.system;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The HTTP client under the generated API clients ({@link Clients}): sends like any other, then
 * records the exchange in the {@link RequestJournal} and narrates it, as {@link Api} does for
 * hand-written requests, so the authorisation matrix replays generated-client calls too.
 */
final class JournaledHttpClient extends HttpClient {
  private final HttpClient http;
  private final String user;
  private final Narrator narrator;
  private final boolean quiet;
  private final String[] shown;

  /** {@code shown}: the answer's fields the narration names (none: its ETag or problem). */
  JournaledHttpClient(
      HttpClient http, String user, Narrator narrator, boolean quiet, String... shown) {
    this.http = http;
    this.user = user;
    this.narrator = narrator;
    this.quiet = quiet;
    this.shown = shown;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    String method = request.method();
    String url = request.uri().toString();
    String body = new String(raw.body(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Authorization")) {
                headers.put(name, String.join(",", values));
              }
            });
    RequestJournal.record(
        new RequestJournal.Exchange(
            user, method, url, Map.copyOf(headers), requestBody(request), raw.statusCode(), body));
    if (!quiet) {
      Answer answer =
          new Answer(
              user, method, url, raw.statusCode(), raw.headers().map(), body, Answer.parse(body));
      narrator.call(user, method, url, raw.statusCode(), Api.summary(answer, shown));
    }
    return new Replayed<>(raw, handle(raw, handler));
  }

  /** Feeds the bytes already read to the handler the generated client asked for. */
  private static <T> T handle(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) {
    HttpResponse.BodySubscriber<T> subscriber =
        handler.apply(
            new HttpResponse.ResponseInfo() {
              @Override
              public int statusCode() {
                return raw.statusCode();
              }

              @Override
              public HttpHeaders headers() {
                return raw.headers();
              }

              @Override
              public Version version() {
                return raw.version();
              }
            });
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
    subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
    subscriber.onComplete();
    return subscriber.getBody().toCompletableFuture().join();
  }

  /** The body a generated client sends is a byte array or string publisher: read it back. */
  private static String requestBody(HttpRequest request) {
    Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
    if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
      return null;
    }
    List<ByteBuffer> parts = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    publisher
        .get()
        .subscribe(
            new Flow.Subscriber<>() {
              @Override
              public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                parts.add(item);
              }

              @Override
              public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.join();
    StringBuilder sb = new StringBuilder();
    parts.forEach(b -> sb.append(StandardCharsets.UTF_8.decode(b)));
    return sb.toString();
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the story calls the APIs synchronously");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    throw new UnsupportedOperationException("the story calls the APIs synchronously");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return http.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return http.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return http.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return http.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return http.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return http.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return http.authenticator();
  }

  @Override
  public Version version() {
    return http.version();
  }

  @Override
  public Optional<Executor> executor() {
    return http.executor();
  }

  /** The answer, with the body the generated client's handler made of the bytes. */
  private record Replayed<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return raw.statusCode();
    }

    @Override
    public HttpRequest request() {
      return raw.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return raw.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return raw.sslSession();
    }

    @Override
    public java.net.URI uri() {
      return raw.uri();
    }

    @Override
    public Version version() {
      return raw.version();
    }
  }
}
