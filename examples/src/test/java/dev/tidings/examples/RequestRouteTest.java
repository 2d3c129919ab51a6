package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.Router;
import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/streams/{stream}/request} over a real socket, answered by {@link Executor}. */
@ExtendWith(KafkaExtension.class)
class RequestRouteTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(int port, String stream, String body, String timeout) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/streams/"
            + stream + "/request"))
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
    Router serving = new Router().provide(Executor.class, () -> new Executor("executor-1"))
        .registerDiscovered(RequestRouteTest.class.getClassLoader());
    try (Application executors = Application.create(Apps.options(kafka)).mount(serving).start();
        Application caller = Application.create(Apps.options(kafka))
            .mount(new Router().registerDiscovered(RequestRouteTest.class.getClassLoader()));
        TidingsHttpServer server = RequestRoute.addTo(TidingsHttpServer.builder().host("127.0.0.1")
            .auth(Authenticator.none()), caller, Duration.ofMinutes(1)).start()) {
      HttpResponse<String> ok = post(server.port(), "executions",
          "{\"schema\":\"ExecutionRequest:1\",\"data\":{\"jobId\":\"job-h1\",\"operation\":\"SUM\",\"operands\":[1,2]}}",
          "30s");
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("{\"schema\":\"ExecutionResult:1\",\"data\":{\"jobId\":\"job-h1\",\"operation\":\"SUM\","
          + "\"value\":3.0,\"operands\":2,\"executor\":\"executor-1\"}}", ok.body());
      assertTrue(ok.headers().firstValue(RequestRoute.CORRELATION_HEADER).isPresent());

      HttpResponse<String> failed = post(server.port(), "executions",
          "{\"schema\":\"ExecutionRequest:1\",\"data\":{\"jobId\":\"job-h2\",\"operation\":\"MEAN\",\"operands\":[]}}",
          null);
      assertEquals(502, failed.statusCode(), failed.body());
      JsonNode error = MAPPER.readTree(failed.body()).get("error");
      assertEquals("remote_failure", error.get("code").asText());
      JsonNode detail = error.get("details").get(0);
      assertEquals("HANDLER_FAILED", detail.get("code").asText());
      assertEquals("MEAN of no operands: send at least one", detail.get("message").asText());
      assertEquals("java.lang.IllegalArgumentException", detail.get("exceptionClass").asText());
      assertEquals(2, detail.get("attempts").asInt());

      HttpResponse<String> timeout = post(server.port(), "nobody.listens",
          "{\"schema\":\"ExecutionRequest:1\",\"data\":{\"jobId\":\"job-h3\",\"operation\":\"SUM\",\"operands\":[]}}",
          "1s");
      assertEquals(504, timeout.statusCode(), timeout.body());
      assertEquals("timeout", MAPPER.readTree(timeout.body()).get("error").get("code").asText());

      HttpResponse<String> invalid = post(server.port(), "executions",
          "{\"schema\":\"ExecutionRequest:1\",\"data\":{\"jobId\":\"\",\"operation\":\"SUM\",\"operands\":[]}}", null);
      assertEquals(422, invalid.statusCode(), invalid.body());
      assertTrue(invalid.body().contains("/jobId"), invalid.body());

      HttpResponse<String> badTimeout = post(server.port(), "executions",
          "{\"schema\":\"ExecutionRequest:1\",\"data\":{\"jobId\":\"j\",\"operation\":\"SUM\",\"operands\":[]}}", "soon");
      assertEquals(400, badTimeout.statusCode(), badTimeout.body());
    }
  }
}
