package dev.tidings.ingress;

import static dev.tidings.ingress.Fixtures.order;
import static dev.tidings.ingress.Fixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.TopicReader;
import dev.tidings.testkit.Wait;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A stopped broker: 503 with Retry-After within the ack timeout, then 201 again once it is back. */
class BrokerOutageTest {
  @Test
  void aStoppedBrokerIs503AndNothingIsReportedStoredThatIsNot() {
    try (EmbeddedKafka broker = EmbeddedKafka.start();
        Application app = Fixtures.app(broker.bootstrapServers(), "outage.");
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).ackTimeout(Duration.ofSeconds(2))
            .retryAfterSeconds(3).start()) {
      List<String> reportedStored = new ArrayList<>();
      // The first message also creates the topic on the new broker: over half a second on an idle
      // machine, which load stretches past the short ack timeout; its 503 is then right. So both
      // this and the first message after the restart are sent until they are stored.
      postUntilStored(ingress.port(), "before");
      reportedStored.add("before");

      broker.stop();
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        HttpResponse<String> down = post(ingress.port(), "/v1/streams/orders", order("down-" + i, 1));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, down.statusCode(), down::body);
        assertEquals("3", down.headers().firstValue("Retry-After").orElseThrow());
        JsonNode error = IngressTest.json(down).get("error");
        assertEquals("kafka_unavailable", error.get("code").asText());
        assertTrue(error.get("retriable").asBoolean());
        assertTrue(millis < 10_000, "answered within the ack timeout and a margin: " + millis + " ms");
      }
      HttpResponse<String> batch = post(ingress.port(), "/v1/streams/orders/batch", "[" + order("down-b", 1) + "]");
      assertEquals(503, batch.statusCode(), batch::body);

      broker.restart();
      postUntilStored(ingress.port(), "after");
      reportedStored.add("after");

      // The whole topic: it holds more than the 201s (the producer delivers the messages answered
      // 503 once the broker is back), in no fixed order, so reading a count could stop short.
      Set<String> stored = new HashSet<>();
      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readToEnd(broker.bootstrapServers(), "outage.orders",
          Duration.ofSeconds(30));
      for (ConsumerRecord<byte[], byte[]> r : records) {
        stored.add(IngressTest.json(new String(r.value(), StandardCharsets.UTF_8)).at("/data/id").asText());
      }
      assertTrue(stored.containsAll(reportedStored), "every 201 is stored: " + stored);
    }
  }

  /** Posts the order {@code id} until it is answered 201; meanwhile only 503 is right. */
  private static void postUntilStored(int port, String id) {
    List<String> answers = new ArrayList<>();
    Wait.until(() -> {
      HttpResponse<String> r = post(port, "/v1/streams/orders", order(id, 1));
      answers.add(r.statusCode() + " " + r.body());
      assertTrue(r.statusCode() == 201 || r.statusCode() == 503, answers::toString);
      return r.statusCode() == 201;
    }, Duration.ofSeconds(60), "'" + id + "' answered 201 (each try so far answered 503)");
  }
}
