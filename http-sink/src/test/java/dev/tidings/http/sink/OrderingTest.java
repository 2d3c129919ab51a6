package dev.tidings.http.sink;

import static dev.tidings.http.sink.Exchanges.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.http.sink.TestServer.Reply;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Under concurrency 16, requests of one key arrive in order while different keys run at the same time. */
@KafkaTest
class OrderingTest {
  private static final int KEYS = 12;
  private static final int PER_KEY = 20;

  @Test
  void eachKeyStaysInOrderUnderConcurrency16(TestKafka kafka) throws Exception {
    kafka.createTopic(kafka.topic("req"), 2);
    try (TestServer server = new TestServer()) {
      server.answer(r -> new Reply(200, Map.of(), "ok", ThreadLocalRandom.current().nextInt(0, 15)));
      HttpSink sink = HttpSink.builder().name("order").requests("req").allow("127.0.0.1:" + server.port())
          .concurrency(16).build();
      try (Application app = app(kafka)) {
        app.mount(sink.router()).start();
        for (int i = 0; i < PER_KEY; i++) {
          for (int k = 0; k < KEYS; k++) {
            app.publish("req", HttpRequest.of("POST", server.url("/k" + k)).withBody(Integer.toString(i)),
                ("key-" + k).getBytes(StandardCharsets.UTF_8));
          }
        }
        app.flush();
        assertEquals(KEYS * PER_KEY, kafka.readAll(kafka.topic("req.success"), KEYS * PER_KEY, Exchanges.WAIT).size());
      }
      Map<String, List<Integer>> seen = new HashMap<>();
      for (TestServer.Received r : server.received()) {
        seen.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(Integer.parseInt(r.body()));
      }
      assertEquals(KEYS, seen.size());
      for (Entry<String, List<Integer>> e : seen.entrySet()) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < PER_KEY; i++) {
          expected.add(i);
        }
        assertEquals(expected, e.getValue(), "requests of " + e.getKey() + " arrived out of order");
      }
      assertTrue(server.maxInFlight() > 1, "different keys never ran concurrently: max in flight "
          + server.maxInFlight());
      assertTrue(server.maxInFlight() <= 16, "more than 16 requests in flight: " + server.maxInFlight());
    }
  }
}
