package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.http.sink.HttpRequest;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import dev.tidings.worker.testing.WorkerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code worker sink} in a child JVM, killed with SIGKILL in the middle of a stream of requests and
 * restarted: every request message ends with an exchange on a result stream (none missing; repeated
 * calls and duplicate exchanges are allowed, and counted).
 */
class SinkWorkerProcessTest {
  private static final int MESSAGES = 600;
  private static final Duration START = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @KafkaTest
  void killedWithSigkillAndRestartedLosesNoExchange(TestKafka kafka, @TempDir Path dir) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Set<String> called = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        String id = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        called.add(id);
        // every 7th request fails once, so that retries happen around the kill too
        int status = calls.incrementAndGet() % 7 == 0 ? 503 : 200;
        byte[] body = ("done " + id).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        out.write(body);
      }
    });
    server.start();
    Path config = dir.resolve("sink.yaml");
    Files.writeString(config, String.join("\n",
        "sinks:",
        "  - name: kill",
        "    mode: requests",
        "    pattern: req",
        "    allow: [\"127.0.0.1:" + server.getAddress().getPort() + "\"]",
        "    concurrency: 8",
        "    backoff: {initial: 10ms, max: 50ms, multiplier: 2, maxAttempts: 5}",
        ""));
    try {
      kafka.createTopic(kafka.topic("req"), 3);
      try (Application app = Application.create(ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
          .topicPrefix(kafka.topicPrefix()).build())) {
        Router schemas = new Router();
        new dev.tidings.http.sink.HttpRequest_Schema().register(schemas);
        app.mount(schemas);
        for (int i = 0; i < MESSAGES; i++) {
          app.publish("req", HttpRequest.of("POST", "http://127.0.0.1:" + server.getAddress().getPort() + "/r")
              .withBody("m" + i), ("k" + (i % 50)).getBytes(StandardCharsets.UTF_8));
        }
        app.flush();
      }
      String[] args = {"--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
          "--config", config.toString(), "sink"};
      try (WorkerProcess first = WorkerProcess.start(Map.of(), Map.of(), args)) {
        first.await("Worker running\\.", START);
        try {
          Wait.until(() -> called.size() >= MESSAGES / 4, START, "a quarter of the requests to be sent");
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + " (" + called.size() + " sent); worker output:\n" + first.output(), e);
        }
      } // close() kills the worker with SIGKILL
      int callsAtKill = calls.get();
      assertTrue(callsAtKill < MESSAGES, "the worker was killed after it had finished: " + callsAtKill + " calls");
      Map<String, Integer> exchanges;
      try (WorkerProcess second = WorkerProcess.start(Map.of(), Map.of(), args)) {
        second.await("Worker running\\.", START);
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
          consumer.subscribe(List.of(kafka.topic("req.success"), kafka.topic("req.error")));
          Wait.until(() -> {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
              seen.merge(body(r), 1, Integer::sum);
            }
            return seen.size() >= MESSAGES;
          }, Duration.ofSeconds(120), "an exchange for each of the " + MESSAGES + " requests");
        }
        exchanges = seen;
        assertEquals(0, second.terminate(Duration.ofSeconds(60)), second::output);
      }
      for (int i = 0; i < MESSAGES; i++) {
        assertTrue(exchanges.containsKey("m" + i), "no exchange for request m" + i);
      }
      int duplicates = exchanges.values().stream().mapToInt(n -> n - 1).sum();
      System.out.printf("sink kill -9: %d requests, %d calls before the kill, %d HTTP calls in all, %d exchanges"
          + " (%d duplicates), 0 missing%n", MESSAGES, callsAtKill, calls.get(), MESSAGES + duplicates, duplicates);
    } finally {
      server.stop(0);
    }
  }

  private static String body(ConsumerRecord<byte[], byte[]> r) {
    try {
      JsonNode data = JSON.readTree(r.value()).path("data");
      return data.path("request").path("body").asText();
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + new String(r.value(), StandardCharsets.UTF_8), e);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(TestKafka kafka) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.topic("reader"));
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
