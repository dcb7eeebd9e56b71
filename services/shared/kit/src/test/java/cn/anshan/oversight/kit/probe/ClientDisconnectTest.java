package cn.anshan.oversight.kit.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clients that hang up while their command runs (more of them than the database pool has
 * connections): every such command still commits, and the service keeps answering. A cancelled
 * transaction used to leak its pooled connection until the pool was exhausted.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ClientDisconnectTest {
  static final Tokens REGULATOR = Tokens.user("reg-5").role("regulator").district("tiedong");
  static final int CLIENTS = 30;

  @TestHTTPResource("/")
  URL base;

  @Test
  void commandsOfClientsThatHungUpCompleteAndLeakNoConnection() throws Exception {
    String prefix = "gone-" + UUID.randomUUID() + "-";
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      sockets.add(startCommand(prefix + i));
    }
    Thread.sleep(300);
    for (Socket s : sockets) {
      s.close();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestInfra.count("select count(*) from probe_item where id like ?", prefix + "%")
                    == CLIENTS);
    // the pool has every connection back: a command after them is answered promptly
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"after\"}")
        .post("/probe/items/{id}/labels", prefix + "after")
        .then()
        .time(org.hamcrest.Matchers.lessThan(20_000L))
        .statusCode(201);
  }

  /** Sends a command that holds its transaction for 1.5 s, without reading the answer. */
  private Socket startCommand(String id) throws Exception {
    Socket socket = new Socket(base.getHost(), base.getPort());
    String body = "{\"label\":\"gone\"}";
    String request =
        "POST /probe/items/"
            + id
            + "/labels?holdMs=1500 HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
            + REGULATOR.bearer()
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length()
            + "\r\n\r\n"
            + body;
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return socket;
  }
}
