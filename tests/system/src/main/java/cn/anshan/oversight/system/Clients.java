package cn.anshan.oversight.system;

import cn.anshan.oversight.clients.ApiClient;
import cn.anshan.oversight.clients.ApiException;
import cn.anshan.oversight.clients.ApiResponse;
import cn.anshan.oversight.clients.audit.api.IntegrityApi;
import cn.anshan.oversight.clients.audit.api.TimelinesApi;
import cn.anshan.oversight.clients.enrolment.api.ChildrenApi;
import cn.anshan.oversight.clients.enrolment.api.EnrolmentsApi;
import cn.anshan.oversight.clients.escrow.api.CustodyBankApi;
import cn.anshan.oversight.clients.escrow.api.OrdersApi;
import cn.anshan.oversight.clients.fee.api.FeeProposalsApi;
import cn.anshan.oversight.clients.fee.api.PublishedFeesApi;
import cn.anshan.oversight.clients.registry.api.ComplaintsApi;
import cn.anshan.oversight.clients.registry.api.PublicRegisterApi;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;

/**
 * The generated API clients (module contracts/clients, from the committed OpenAPI documents) as a
 * named demo user: the parent, custody-bank and auditor parts of the story call the platform the
 * way an integrator's code would (issue 19 item 2), so a breaking change to a document breaks this
 * build. Each call carries the user's token and is journaled and narrated like {@link Api}'s.
 */
public final class Clients {
  private final Api api;

  public Clients(Api api) {
    this.api = api;
  }

  public Caller as(String user) {
    return new Caller(user, false, new String[0]);
  }

  /** A fresh {@code Idempotency-Key} for one command. */
  public static String idempotencyKey() {
    return UUID.randomUUID().toString();
  }

  /** A call the platform must refuse with {@code status}; answers the problem it sent. */
  public static Answer refused(int status, Call call) {
    try {
      call.run();
    } catch (ApiException e) {
      if (e.getCode() != status) {
        throw new StoryFailure(
            "expected " + status + ", got " + e.getCode() + ": " + e.getResponseBody());
      }
      return answer(e);
    }
    throw new StoryFailure("expected " + status + ", but the call succeeded");
  }

  /** The {@code ETag} of a command's answer, for the next conditional command (If-Match). */
  public static String etag(ApiResponse<?> response) {
    return response.getHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("ETag"))
        .flatMap(h -> h.getValue().stream())
        .findFirst()
        .orElseThrow(() -> new StoryFailure("the answer carries no ETag"));
  }

  private static Answer answer(ApiException e) {
    String body = e.getResponseBody();
    return new Answer(
        null, null, null, e.getCode(), e.getResponseHeaders().map(), body, Answer.parse(body));
  }

  /** The problem of a call the platform refuses, whatever its status; success fails the story. */
  public static Answer refusal(Call call) {
    try {
      call.run();
    } catch (ApiException e) {
      return answer(e);
    }
    throw new StoryFailure("expected a refusal, but the call succeeded");
  }

  /** The answer of a call that must succeed; a refusal fails the story with the problem. */
  public static <T> T ok(Result<T> call) {
    try {
      return call.get();
    } catch (ApiException e) {
      throw new StoryFailure("refused with " + e.getCode() + ": " + e.getResponseBody());
    }
  }

  @FunctionalInterface
  public interface Call {
    void run() throws ApiException;
  }

  @FunctionalInterface
  public interface Result<T> {
    T get() throws ApiException;
  }

  /** The clients as one user ({@code quietly()}: journaled, not narrated, for polling). */
  public final class Caller {
    private final String user;
    private final boolean quiet;
    private final String[] shown;

    private Caller(String user, boolean quiet, String[] shown) {
      this.user = user;
      this.quiet = quiet;
      this.shown = shown;
    }

    public Caller quietly() {
      return new Caller(user, true, shown);
    }

    /** Which fields of the answers the narration shows, as {@link Api.Call#showing}. */
    public Caller showing(String... fields) {
      return new Caller(user, quiet, fields);
    }

    public OrdersApi orders() {
      return new OrdersApi(client(api.endpoints().escrow()));
    }

    public CustodyBankApi custodyBank() {
      return new CustodyBankApi(client(api.endpoints().escrow()));
    }

    public ChildrenApi children() {
      return new ChildrenApi(client(api.endpoints().enrolment()));
    }

    public EnrolmentsApi enrolments() {
      return new EnrolmentsApi(client(api.endpoints().enrolment()));
    }

    public FeeProposalsApi feeProposals() {
      return new FeeProposalsApi(client(api.endpoints().fee()));
    }

    public PublishedFeesApi publishedFees() {
      return new PublishedFeesApi(client(api.endpoints().fee()));
    }

    public PublicRegisterApi publicRegister() {
      return new PublicRegisterApi(client(api.endpoints().registry()));
    }

    public ComplaintsApi complaints() {
      return new ComplaintsApi(client(api.endpoints().registry()));
    }

    public TimelinesApi timelines() {
      return new TimelinesApi(client(api.endpoints().audit()));
    }

    public IntegrityApi integrity() {
      return new IntegrityApi(client(api.endpoints().audit()));
    }

    private ApiClient client(String baseUri) {
      HttpClient journaled =
          new JournaledHttpClient(
              HttpClients.http11(Duration.ofSeconds(10)), user, api.narrator(), quiet, shown);
      ApiClient client =
          new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
              return journaled;
            }
          };
      client.updateBaseUri(baseUri);
      client.setReadTimeout(Duration.ofSeconds(60));
      client.setRequestInterceptor(
          request -> request.header("Authorization", "Bearer " + api.tokens().of(user)));
      return client;
    }
  }
}
