package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.fixtures.GreetingRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/streams/{stream}/request} over a real socket, answered by a serving subscription. */
@KafkaTest
class RequestRouteTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static ApplicationOptions options(TestKafka kafka) {
    return ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers()).topicPrefix(kafka.topicPrefix())
        .commitInterval(Duration.ofMillis(100)).build();
  }

  private HttpResponse<String> post(int port, String stream, String body, String timeout) throws Exception {
    return postTo(port, stream + "/request", body, timeout);
  }

  /** {@code target}: the stream and what follows it, {@code /request} with its query string. */
  private HttpResponse<String> postTo(int port, String target, String body, String timeout) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/streams/"
            + target))
        .header("Content-Type", "application/json")
        .header(RequestRoute.KEY_HEADER, "job-http")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timeout != null) {
      request.header(RequestRoute.TIMEOUT_HEADER, timeout);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersWithTheReplyTheFailureOrATimeout(TestKafka kafka) throws Exception {
    Router serving = new Router().schema(GreetingRegistration.schema());
    serving.subscribe("greeting.requests", "answerer").maxAttempts(2).backoff(Duration.ofMillis(10),
        Duration.ofMillis(20)).onRequest(Greeting.class, (greeting, ctx) -> {
          if (greeting.text().equals("boom")) {
            throw new IllegalStateException("cannot greet boom");
          }
          return CompletableFuture.completedFuture(new Greeting(greeting.text() + " back", greeting.count() + 1));
        });
    try (Application server = Application.create(options(kafka)).mount(serving).start();
        Application caller = Application.create(options(kafka)).mount(new Router().schema(GreetingRegistration.schema()));
        TidingsHttpServer http = RequestRoute.addTo(TidingsHttpServer.builder().host("127.0.0.1")
            .auth(Authenticator.none()), caller, Duration.ofMinutes(1)).start()) {
      HttpResponse<String> ok = post(http.port(), "greeting.requests",
          "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}", "30s");
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi back\",\"count\":2}}", ok.body());
      assertTrue(ok.headers().firstValue(RequestRoute.CORRELATION_HEADER).isPresent());

      HttpResponse<String> failed = post(http.port(), "greeting.requests",
          "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"boom\",\"count\":1}}", null);
      assertEquals(502, failed.statusCode(), failed.body());
      JsonNode error = MAPPER.readTree(failed.body()).get("error");
      assertEquals("remote_failure", error.get("code").asText());
      JsonNode detail = error.get("details").get(0);
      assertEquals("HANDLER_FAILED", detail.get("code").asText());
      assertEquals("cannot greet boom", detail.get("message").asText());
      assertEquals("java.lang.IllegalStateException", detail.get("exceptionClass").asText());
      assertEquals(2, detail.get("attempts").asInt());

      HttpResponse<String> timeout = post(http.port(), "nobody.listens",
          "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}", "1s");
      assertEquals(504, timeout.statusCode(), timeout.body());
      assertEquals("timeout", MAPPER.readTree(timeout.body()).get("error").get("code").asText());

      HttpResponse<String> invalid = post(http.port(), "greeting.requests",
          "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":0}}", null);
      assertEquals(422, invalid.statusCode(), invalid.body());
      assertTrue(invalid.body().contains("/count"), invalid.body());

      HttpResponse<String> badTimeout = post(http.port(), "greeting.requests",
          "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}", "soon");
      assertEquals(400, badTimeout.statusCode(), badTimeout.body());
    }
  }

  @Test
  void theTimeoutMayComeFromTheQueryString(TestKafka kafka) throws Exception {
    Router serving = new Router().schema(GreetingRegistration.schema());
    serving.subscribe("greeting.requests", "answerer").onRequest(Greeting.class, (greeting, ctx) ->
        CompletableFuture.completedFuture(new Greeting(greeting.text() + " back", greeting.count() + 1)));
    String hi = "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}";
    try (Application server = Application.create(options(kafka)).mount(serving).start();
        Application caller = Application.create(options(kafka)).mount(new Router().schema(GreetingRegistration.schema()));
        TidingsHttpServer http = RequestRoute.addTo(TidingsHttpServer.builder().host("127.0.0.1")
            .auth(Authenticator.none()), caller, Duration.ofMinutes(1)).start()) {
      HttpResponse<String> ok = postTo(http.port(), "greeting.requests/request?timeout=30s", hi, null);
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi back\",\"count\":2}}", ok.body());

      // 1%73 is 1s percent-encoded: the parameter is decoded, and its timeout is the one waited for
      HttpResponse<String> timeout = postTo(http.port(), "nobody.listens/request?other=x&timeout=1%73", hi, null);
      assertEquals(504, timeout.statusCode(), timeout.body());
      JsonNode error = MAPPER.readTree(timeout.body()).get("error");
      assertEquals("timeout", error.get("code").asText());
      assertTrue(error.get("message").asText().contains("within PT1S"), timeout.body());

      HttpResponse<String> bad = postTo(http.port(), "greeting.requests/request?timeout=soon", hi, null);
      assertEquals(400, bad.statusCode(), bad.body());
      error = MAPPER.readTree(bad.body()).get("error");
      assertEquals("bad_timeout", error.get("code").asText());
      assertEquals("?timeout= is 'soon': write it as 500ms, 30s or 2m", error.get("message").asText());

      HttpResponse<String> tooLong = postTo(http.port(), "greeting.requests/request?timeout=2m", hi, null);
      assertEquals(400, tooLong.statusCode(), tooLong.body());
      assertTrue(tooLong.body().contains("at most PT1M"), tooLong.body());

      HttpResponse<String> twice = postTo(http.port(), "greeting.requests/request?timeout=30s", hi, "30s");
      assertEquals(400, twice.statusCode(), twice.body());
      error = MAPPER.readTree(twice.body()).get("error");
      assertEquals("bad_timeout", error.get("code").asText());
      assertTrue(error.get("message").asText().startsWith("the timeout is given twice, as Tidings-Timeout: 30s and as "
          + "?timeout=30s"), twice.body());
    }
  }

  @Test
  void theRequestCarriesTheClientsTraceContext(TestKafka kafka) throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Router serving = new Router().schema(GreetingRegistration.schema());
    serving.subscribe("greeting.requests", "answerer").onRequest(Greeting.class, (greeting, ctx) -> {
      seen.add(ctx.header("traceparent").orElse("none") + " " + ctx.header("tracestate").orElse("none"));
      return CompletableFuture.completedFuture(greeting);
    });
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    try (Application server = Application.create(options(kafka)).mount(serving).start();
        Application caller = Application.create(options(kafka)).mount(new Router().schema(GreetingRegistration.schema()));
        TidingsHttpServer http = RequestRoute.addTo(TidingsHttpServer.builder().host("127.0.0.1")
            .auth(Authenticator.none()), caller, Duration.ofMinutes(1)).start()) {
      HttpResponse<String> ok = this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
              + "/v1/streams/greeting.requests/request"))
          .header("Content-Type", "application/json").header("traceparent", traceparent)
          .header("tracestate", "vendor=1").timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\","
              + "\"count\":1}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals(List.of(traceparent + " vendor=1"), seen, "without a tracing SDK, the client's context as sent");
    }
  }
}
