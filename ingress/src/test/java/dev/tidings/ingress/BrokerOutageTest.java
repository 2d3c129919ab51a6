package dev.tidings.ingress;

import static dev.tidings.ingress.Fixtures.order;
import static dev.tidings.ingress.Fixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.TopicReader;
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
      HttpResponse<String> before = post(ingress.port(), "/v1/streams/orders", order("before", 1));
      assertEquals(201, before.statusCode(), before::body);
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
      HttpResponse<String> after = null;
      for (int i = 0; i < 30; i++) {
        after = post(ingress.port(), "/v1/streams/orders", order("after", 1));
        if (after.statusCode() == 201) {
          break;
        }
        assertEquals(503, after.statusCode(), after.body());
      }
      assertEquals(201, after.statusCode(), after::body);
      reportedStored.add("after");

      Set<String> stored = new HashSet<>();
      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(broker.bootstrapServers(), "outage.orders",
          reportedStored.size(), Duration.ofSeconds(30));
      for (ConsumerRecord<byte[], byte[]> r : records) {
        stored.add(IngressTest.json(new String(r.value(), StandardCharsets.UTF_8)).at("/data/id").asText());
      }
      assertTrue(stored.containsAll(reportedStored), "every 201 is stored: " + stored);
    }
  }
}
