package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.PublishResult;
import dev.tidings.Router;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.TopicReader;
import dev.tidings.transport.JsonLines;
import dev.tidings.transport.TransportConfig;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.fixtures.GreetingRegistration;
import dev.tidings.worker.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failover chain kafka → file keeps publishing while the broker is down, and {@code worker publish
 * --from} later brings every spilled message to the topic: each message is on the topic exactly once.
 */
class FailoverSpillTest {
  private static final int BEFORE = 200;
  private static final int DURING = 200;
  private static final Pattern TEXT = Pattern.compile("\"text\":\"(g-[0-9]+)\"");

  @Test
  void brokerStoppedMidStreamThenSpilledLinesRepublished(@TempDir Path dir) throws Exception {
    Path spill = dir.resolve("spill.jsonl");
    try (EmbeddedKafka broker = EmbeddedKafka.start()) {
      TransportConfig failover = TransportConfig.parse(String.join("\n",
          "type: composite",
          "mode: failover",
          "transports:",
          "  - type: kafka",
          "    settings:",
          "      delivery.timeout.ms: 3000",
          "      request.timeout.ms: 1000",
          "      max.block.ms: 2000",
          "  - type: file",
          "    path: " + spill));
      ApplicationOptions options = ApplicationOptions.builder().kafkaServers(broker.bootstrapServers())
          .topicPrefix("spill.").transport(failover).build();
      List<CompletableFuture<PublishResult>> sends = new ArrayList<>();
      try (Application app = Application.create(options)) {
        app.mount(new Router().schema(GreetingRegistration.schema()));
        for (int i = 0; i < BEFORE; i++) {
          sends.add(app.publish("greetings", new Greeting("g-" + i, 1)));
        }
        sends.get(BEFORE - 1).join();
        broker.stop();
        for (int i = BEFORE; i < BEFORE + DURING; i++) {
          sends.add(app.publish("greetings", new Greeting("g-" + i, 1)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
      }
      long toKafka = sends.stream().filter(f -> f.join().partition() >= 0).count();
      long toFile = sends.stream().filter(f -> f.join().partition() < 0).count();
      long lines = Files.readAllLines(spill).size();
      System.out.println("failover: " + toKafka + " confirmed by Kafka, " + toFile + " spilled to " + spill);
      assertEquals(BEFORE + DURING, toKafka + toFile, "every publish was confirmed by one transport");
      assertTrue(toFile >= DURING, "what was published while the broker was down went to the file: " + toFile);
      assertEquals(toFile, lines);
      assertEquals(List.of(spill.toAbsolutePath()), JsonLines.files(spill));

      broker.restart();
      Cli.Result r = Cli.run("--kafka-servers", broker.bootstrapServers(), "--topic-prefix", "spill.",
          "publish", "--from", spill.toString());
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.out().contains("Summary: " + lines + " line(s) read, " + lines + " published, 0 refused"),
          r::toString);

      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(broker.bootstrapServers(), "spill.greetings",
          BEFORE + DURING, Duration.ofSeconds(60));
      Map<String, Integer> counts = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> rec : records) {
        Matcher m = TEXT.matcher(new String(rec.value(), StandardCharsets.UTF_8));
        assertTrue(m.find());
        counts.merge(m.group(1), 1, Integer::sum);
      }
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < BEFORE + DURING; i++) {
        if (counts.getOrDefault("g-" + i, 0) != 1) {
          wrong.add("g-" + i + " x" + counts.getOrDefault("g-" + i, 0));
        }
      }
      System.out.println("failover: " + records.size() + " records on the topic, not exactly once: " + wrong);
      assertEquals(List.of(), wrong, "every message exactly once");
      assertEquals(BEFORE + DURING, records.size());
    }
  }
}
