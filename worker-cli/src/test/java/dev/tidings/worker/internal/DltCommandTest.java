package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@KafkaTest
class DltCommandTest {

  @Test
  void replaysDeadLettersToTheirOriginFilteredByException(TestKafka kafka) {
    try (Application app = Application.create(ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix()).build())) {
      app.mount(new Router());
      app.rawPublish("orders.dlt", "k".getBytes(StandardCharsets.UTF_8), "first".getBytes(StandardCharsets.UTF_8),
          Map.of("tidings.dlt.topic", kafka.topic("orders"), "tidings.dlt.exception.class", "x.Bug",
              "traceparent", "t1")).join();
      app.rawPublish("orders.dlt", null, "second".getBytes(StandardCharsets.UTF_8),
          Map.of("tidings.dlt.topic", kafka.topic("orders"), "tidings.dlt.exception.class", "x.Other")).join();
    }
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "dlt", "replay", "--exception", "x.Bug", "orders.dlt");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("replayed 1 dead letters from " + kafka.topic("orders.dlt") + " (1 filtered out, 0 without an origin)\n",
        r.out());
    ConsumerRecord<byte[], byte[]> replayed = kafka.readAll(kafka.topic("orders"), 1, Duration.ofSeconds(30)).get(0);
    assertEquals("first", new String(replayed.value(), StandardCharsets.UTF_8));
    assertEquals("t1", new String(replayed.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    assertNull(replayed.headers().lastHeader("tidings.dlt.exception.class"));
  }

  @Test
  void aMissingDeadLetterStreamFailsWithTheTopicName(TestKafka kafka) {
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "dlt", "replay", "--timeout", "5s", "nothing.dlt");
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals(true, r.err().contains(kafka.topic("nothing.dlt")), r::toString);
  }
}
