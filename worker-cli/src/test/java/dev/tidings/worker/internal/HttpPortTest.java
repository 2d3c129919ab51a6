package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Health;
import dev.tidings.ingress.TidingsHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPortTest {
  private static final Health.SubscriptionHealth STARTING =
      new Health.SubscriptionHealth("billing", "orders.*", Health.State.STARTING, 0, Map.of(), null);
  private static final Health.SubscriptionHealth RUNNING =
      new Health.SubscriptionHealth("billing", "orders.*", Health.State.RUNNING, 1, Map.of("orders-0", 4L), null);

  private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, false, List.of(STARTING)));
  private final Metrics metrics = new Metrics();
  private final HttpClient client = HttpClient.newHttpClient();
  private TidingsHttpServer http;

  @BeforeEach
  void start() {
    metrics.bind(health::get);
    http = HttpPort.start(0, health::get, metrics);
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void readyIs503UntilEverySubscriptionRunsThen200() throws Exception {
    HttpResponse<String> starting = get("/health/ready");
    assertEquals(503, starting.statusCode());
    JsonNode body = Json.read(starting.body());
    assertEquals("STARTING", body.at("/subscriptions/0/state").asText());
    assertEquals(false, body.get("ready").asBoolean());
    assertEquals("NOT_READY", body.get("status").asText());
    assertEquals(200, get("/health/live").statusCode(), "live while starting");

    health.set(new Health(true, true, List.of(RUNNING)));
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode());
    assertEquals("application/json", ready.headers().firstValue("Content-Type").orElseThrow());
    body = Json.read(ready.body());
    assertEquals("UP", body.get("status").asText());
    assertEquals("billing", body.at("/subscriptions/0/group").asText());
    assertEquals("orders.*", body.at("/subscriptions/0/target").asText());
    assertEquals(1, body.at("/subscriptions/0/assignedPartitions").asInt());
    assertEquals(4, body.at("/subscriptions/0/lag/orders-0").asLong());
    assertEquals(200, get("/health").statusCode());
  }

  @Test
  void liveIs503WhenTheApplicationIsDownAndErrorsAreMasked() throws Exception {
    health.set(new Health(false, false, List.of(new Health.SubscriptionHealth("billing", "orders.*",
        Health.State.FAILED, 0, Map.of(), "SaslAuthenticationException: sasl.jaas.config=abc password=\"x\""))));
    HttpResponse<String> live = get("/health/live");
    assertEquals(503, live.statusCode());
    String lastError = Json.read(live.body()).at("/subscriptions/0/lastError").asText();
    assertEquals("SaslAuthenticationException: sasl.jaas.config=****** password=\"******\"", lastError);
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    metrics.telemetry().published("orders", true, 1_000);
    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
    assertTrue(response.body().contains("# TYPE tidings_messages_published_total counter"), response.body());
    assertTrue(response.body().contains("tidings_health_live 1.0"), response.body());
  }

  @Test
  void unknownPathsAndMethodsAreRefused() throws Exception {
    assertEquals(404, get("/nope").statusCode());
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/health"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }

  @Test
  void aTakenPortIsReportedWithTheFix() {
    WorkerException e = org.junit.jupiter.api.Assertions.assertThrows(WorkerException.class,
        () -> HttpPort.start(http.port(), health::get, metrics));
    assertTrue(e.getMessage().startsWith("cannot serve HTTP on port " + http.port()), e.getMessage());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }
}
