package dev.tidings.http.sink;

import static dev.tidings.http.sink.Exchanges.app;
import static dev.tidings.http.sink.Exchanges.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.http.sink.TestServer.Reply;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests mode against a real Jetty server on localhost and the test broker. */
@KafkaTest
class HttpSinkTest {
  private TestServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new TestServer();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private HttpSink.Builder sink() {
    return HttpSink.builder().name("t").requests("req").allow("127.0.0.1:" + server.port())
        .backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 3);
  }

  private JsonNode one(TestKafka kafka, HttpSink sink, HttpRequest request, String resultStream) {
    try (Application app = app(kafka)) {
      app.mount(sink.router()).start();
      app.publish("req", request, "k".getBytes(StandardCharsets.UTF_8)).join();
      return read(kafka, resultStream, 1).get(0);
    }
  }

  @Test
  void okGoesToTheSuccessStreamWithTheResponseBody(TestKafka kafka) {
    server.script("/ok", new Reply(200, Map.of("X-Answer", "42"), "{\"done\":true}", 0));
    JsonNode x = one(kafka, sink().build(), HttpRequest.of("POST", server.url("/ok")).withBody("hello"), "req.success");
    assertEquals("success", x.path("outcome").asText());
    assertEquals(200, x.path("response").path("status").asInt());
    assertEquals("{\"done\":true}", x.path("response").path("body").asText());
    assertEquals("42", x.path("response").path("headers").path("x-answer").path(0).asText(x.toString()));
    assertEquals(1, x.path("attempts").asInt());
    assertFalse(x.path("response").path("truncated").asBoolean());
    assertEquals("hello", server.received("/ok").get(0).body());
    assertEquals("POST", server.received("/ok").get(0).method());
    assertTrue(server.received("/ok").get(0).header("Idempotency-Key").endsWith("-0-0"),
        "Idempotency-Key is topic-partition-offset: " + server.received("/ok").get(0).headers());
  }

  @Test
  void twoServerErrorsThenOkIsASuccessAfterThreeAttempts(TestKafka kafka) {
    server.script("/flaky", Reply.of(500, "no"), Reply.of(500, "no"), Reply.of(200, "yes"));
    JsonNode x = one(kafka, sink().build(), HttpRequest.of("GET", server.url("/flaky")), "req.success");
    assertEquals(3, x.path("attempts").asInt());
    assertEquals("yes", x.path("response").path("body").asText());
    assertEquals(3, server.received("/flaky").size());
  }

  @Test
  void notFoundIsAnErrorAfterOneAttempt(TestKafka kafka) {
    server.script("/missing", Reply.of(404, "gone"));
    JsonNode x = one(kafka, sink().build(), HttpRequest.of("GET", server.url("/missing")), "req.error");
    assertEquals("error", x.path("outcome").asText());
    assertEquals(404, x.path("response").path("status").asInt());
    assertEquals(1, x.path("attempts").asInt());
    assertEquals(1, server.received("/missing").size());
  }

  @Test
  void retryAfterIsHonoured(TestKafka kafka) {
    server.script("/busy", new Reply(429, Map.of("Retry-After", "1"), "slow down", 0), Reply.of(200, "ok"));
    JsonNode x = one(kafka, sink().build(), HttpRequest.of("GET", server.url("/busy")), "req.success");
    assertEquals(2, x.path("attempts").asInt());
    List<TestServer.Received> got = server.received("/busy");
    long gapMillis = (got.get(1).nanos() - got.get(0).nanos()) / 1_000_000;
    assertTrue(gapMillis >= 950, "the retry came " + gapMillis + " ms after the 429 with Retry-After: 1");
  }

  @Test
  void aTimeoutIsRetriedThenAnError(TestKafka kafka) {
    server.script("/slow", new Reply(200, Map.of(), "late", 3000));
    HttpSink sink = sink().requestTimeout(Duration.ofMillis(300)).build();
    JsonNode x = one(kafka, sink, HttpRequest.of("GET", server.url("/slow")), "req.error");
    assertEquals("timeout", x.path("error").path("kind").asText(), x.toString());
    assertEquals(3, x.path("attempts").asInt());
    assertTrue(x.path("response").isMissingNode() || x.path("response").isNull(), x.toString());
    assertEquals(3, server.received("/slow").size());
  }

  @Test
  void aRefusedConnectionIsRetriedThenAnError(TestKafka kafka) throws Exception {
    int closedPort = TestServer.closedPort();
    HttpSink sink = HttpSink.builder().name("t").requests("req").allow("127.0.0.1")
        .backoff(Duration.ofMillis(50), Duration.ofMillis(100), 2.0, 2).build();
    JsonNode x = one(kafka, sink, HttpRequest.of("GET", "http://127.0.0.1:" + closedPort + "/x"), "req.error");
    assertEquals("connect", x.path("error").path("kind").asText(), x.toString());
    assertEquals(2, x.path("attempts").asInt());
  }

  @Test
  void aUrlOutsideTheAllowListIsNotCalled(TestKafka kafka) {
    String elsewhere = "http://localhost:" + server.port() + "/secret";
    JsonNode x = one(kafka, sink().build(), HttpRequest.of("GET", elsewhere), "req.error");
    assertEquals("not_allowed", x.path("error").path("kind").asText(), x.toString());
    assertEquals(0, x.path("attempts").asInt());
    assertEquals("error", x.path("outcome").asText());
    assertTrue(server.received().isEmpty(), "the server was called: " + server.received());
  }

  @Test
  void longBodiesAreTruncated(TestKafka kafka) {
    server.script("/big", Reply.of(200, "x".repeat(5000)));
    JsonNode x = one(kafka, sink().maxResponseBytes(100).build(), HttpRequest.of("GET", server.url("/big")),
        "req.success");
    assertTrue(x.path("response").path("truncated").asBoolean(), x.toString());
    assertEquals(100, x.path("response").path("body").asText().length());
  }

  @Test
  void redirectsAreFollowedOnlyWhenEnabledAndInsideTheAllowList(TestKafka kafka) {
    server.script("/moved", new Reply(302, Map.of("Location", "/new"), "", 0));
    server.script("/new", Reply.of(200, "here"));
    server.script("/away", new Reply(302, Map.of("Location", "http://localhost:" + server.port() + "/new"), "", 0));
    try (Application app = app(kafka)) {
      app.mount(sink().followRedirects(true).build().router()).start();
      app.publish("req", HttpRequest.of("GET", server.url("/moved"))).join();
      app.publish("req", HttpRequest.of("GET", server.url("/away"))).join();
      JsonNode followed = read(kafka, "req.success", 1).get(0);
      assertEquals("here", followed.path("response").path("body").asText());
      JsonNode refused = read(kafka, "req.error", 1).get(0);
      assertEquals("not_allowed", refused.path("error").path("kind").asText(), refused.toString());
      assertEquals(302, refused.path("response").path("status").asInt());
    }
    assertEquals(1, server.received("/new").size());
  }

  @Test
  void anInvalidRequestGoesToTheDeadLetterStream(TestKafka kafka) {
    try (Application app = app(kafka)) {
      app.mount(sink().build().router()).start();
      HttpRequest bad = new HttpRequest("GET", server.url("/x"), java.util.Optional.empty(),
          java.util.Optional.empty(), java.util.Optional.of("not base64!"), java.util.Optional.empty());
      app.publish("req", bad).join();
      app.rawPublish("req", "{\"schema\":\"HttpRequest:1\",\"data\":{\"method\":\"GET\"}}"
          .getBytes(StandardCharsets.UTF_8)).join();
      app.publish("req", HttpRequest.of("GET", server.url("/after"))).join();
      assertEquals(2, kafka.readAll(kafka.topic("req.dlt"), 2, Exchanges.WAIT).size());
      assertEquals(1, read(kafka, "req.success", 1).size());
    }
    assertTrue(server.received("/x").isEmpty());
  }
}
