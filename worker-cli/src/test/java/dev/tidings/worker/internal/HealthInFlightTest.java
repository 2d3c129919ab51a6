package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.fixtures.GreetingRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code GET /health} over a real socket reports the records in flight of a subscription whose handler is held. */
@KafkaTest
class HealthInFlightTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void recordsFetchedAndNotFinishedAreInFlightUntilTheHandlerIsReleased(TestKafka kafka) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Router router = new Router().schema(GreetingRegistration.schema());
    router.subscribe("greetings", "held").on(Greeting.class, (greeting, ctx) -> {
      entered.countDown();
      release.await(60, TimeUnit.SECONDS);
    });
    Metrics metrics = new Metrics();
    try (Application app = Application.create(ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
            .topicPrefix(kafka.topicPrefix()).commitInterval(Duration.ofMillis(100)).build()).mount(router);
        TidingsHttpServer http = HttpPort.start(0, app::health, metrics)) {
      metrics.bind(app::health);
      for (int i = 1; i <= 3; i++) {
        app.publishAndWait("greetings", new Greeting("hi", i));
      }
      app.start();
      try {
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the handler was called");
        Wait.until(() -> inFlight(http) == 3, WAIT, "3 records in flight in /health (have " + body(http) + ")");
        JsonNode sub = Json.read(body(http)).at("/subscriptions/0");
        assertEquals("held", sub.get("group").asText());
        assertTrue(sub.get("inFlight").isIntegralNumber(), sub.toString());
      } finally {
        release.countDown();
      }
      Wait.until(() -> inFlight(http) == 0, WAIT, "no record in flight once released (have " + body(http) + ")");
    }
  }

  private long inFlight(TidingsHttpServer http) {
    return Json.read(body(http)).at("/subscriptions/0/inFlight").asLong(-1);
  }

  private String body(TidingsHttpServer http) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + http.port() + "/health")).timeout(WAIT).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
