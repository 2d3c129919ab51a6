package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.TopicReader;
import dev.tidings.testkit.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The broker goes away while the application keeps logging, then comes back. */
class BrokerOutageTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SETTINGS = "{\"delivery.timeout.ms\": 3000, \"request.timeout.ms\": 1000,"
      + " \"max.block.ms\": 1000, \"reconnect.backoff.max.ms\": 200}";

  /** One logging framework with a Kafka handler or appender attached. */
  private interface Frontend extends AutoCloseable {
    void log(String message, int argument);

    DeliveryStats stats();

    @Override
    void close();
  }

  @Test
  void logbackAppenderSurvivesAnOutage() {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      KafkaAppender appender = new KafkaAppender();
      appender.setContext(context);
      appender.setName("KAFKA_OUTAGE");
      appender.setServers(kafka.bootstrapServers());
      appender.setStream("outage-logs");
      appender.setQueueSize(1000);
      appender.setCloseTimeoutMillis(3000);
      appender.setKafkaSettings(SETTINGS);
      KafkaAppenderTest.Collecting fallback = new KafkaAppenderTest.Collecting();
      fallback.setContext(context);
      fallback.start();
      appender.addAppender(fallback);
      appender.start();
      assertTrue(appender.isStarted());
      Logger logger = context.getLogger("it.outage.logback");
      logger.setAdditive(false);
      logger.addAppender(appender);
      org.slf4j.Logger log = LoggerFactory.getLogger("it.outage.logback");
      outage(kafka, new Frontend() {
        @Override
        public void log(String message, int argument) {
          log.warn(message + " {}", argument);
        }

        @Override
        public DeliveryStats stats() {
          return appender.stats();
        }

        @Override
        public void close() {
          logger.detachAppender(appender);
          appender.stop();
        }
      });
      assertTrue(fallback.events.stream()
              .anyMatch(e -> e.getFormattedMessage().startsWith("during outage")),
          "records that expired during the outage reached the fallback appender");
    }
  }

  @Test
  void julHandlerSurvivesAnOutage() {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      KafkaHandler handler = new KafkaHandler(kafka.bootstrapServers(), "outage-logs");
      handler.setQueueSize(1000);
      handler.setCloseTimeoutMillis(3000);
      handler.setKafkaSettings(SETTINGS);
      java.util.logging.Logger logger = java.util.logging.Logger.getLogger("it.outage.jul");
      logger.setUseParentHandlers(false);
      logger.addHandler(handler);
      outage(kafka, new Frontend() {
        @Override
        public void log(String message, int argument) {
          logger.log(Level.WARNING, message + " {0}", argument);
        }

        @Override
        public DeliveryStats stats() {
          return handler.stats();
        }

        @Override
        public void close() {
          logger.removeHandler(handler);
          handler.close();
        }
      });
    }
  }

  /**
   * What the topic holds matches what the shipper says it stored: every message before and after the
   * outage exactly once, no message twice, as many outage messages as were published, one record
   * per notice.
   */
  private static void assertStored(EmbeddedKafka kafka, DeliveryStats stats) {
    Map<String, Integer> counts = new TreeMap<>();
    int notices = 0;
    for (JsonNode d : Topics.data(TopicReader.readToEnd(kafka.bootstrapServers(), "outage-logs", TIMEOUT))) {
      if (d.path("mdc").has("tidings.dropped")) {
        notices++;
        continue;
      }
      // JUL formats {0} with grouping (1,234): keep the digits only.
      String message = d.get("message").asText();
      String text = message.replaceAll("[\\d,]+$", "").strip() + " " + message.replaceAll(".*?([\\d,]+)$", "$1")
          .replace(",", "");
      counts.merge(text, 1, Integer::sum);
    }
    long duplicates = counts.values().stream().mapToLong(c -> c - 1).sum();
    long duringOutage = counts.keySet().stream().filter(k -> k.startsWith("during outage ")).count();
    System.out.printf("stored: %d distinct messages, %d duplicates, %d from the outage, %d notices; %s%n",
        counts.size(), duplicates, duringOutage, notices, stats);
    for (int i = 0; i < 5; i++) {
      assertEquals(1, counts.getOrDefault("before " + i, 0), "'before " + i + "' stored exactly once");
    }
    assertEquals(1, counts.getOrDefault("after restart 0", 0), "'after restart 0' stored exactly once");
    assertEquals(0, duplicates, "no message stored twice: " + counts);
    assertEquals(stats.published(), counts.size(), "every published event is on the topic, nothing else");
    assertEquals(stats.published() - 6, duringOutage, "the outage's published events are on the topic");
    assertEquals(stats.notices(), notices, "one record per notice");
  }

  private static void outage(EmbeddedKafka kafka, Frontend frontend) {
    try (frontend) {
      for (int i = 0; i < 5; i++) {
        frontend.log("before", i);
      }
      Wait.until(() -> frontend.stats().published() == 5, TIMEOUT, "5 published before the outage");

      kafka.stop();
      long begin = System.nanoTime();
      for (int i = 0; i < 10_000; i++) {
        frontend.log("during outage", i);
      }
      long elapsedMicros = (System.nanoTime() - begin) / 1_000;
      DeliveryStats during = frontend.stats();
      System.out.printf("10,000 log calls with the broker down took %,d us (%.2f us per call); %s%n",
          elapsedMicros, elapsedMicros / 10_000.0, during);
      assertTrue(during.dropped() >= 10_000 - 2 * 1000,
          "at most queueSize queued plus queueSize in flight, the rest dropped and counted: " + during);
      assertEquals(10_005, during.accepted() + during.dropped(), "every call accounted for: " + during);
      Wait.until(() -> frontend.stats().failed() > 0, TIMEOUT,
          "records in flight fail after delivery.timeout.ms instead of waiting forever");

      kafka.restart();
      List<ConsumerRecord<byte[], byte[]>> records = Topics.readUntil(kafka.bootstrapServers(), "outage-logs",
          d -> d.path("mdc").has("tidings.dropped"), TIMEOUT);
      JsonNode notice = Topics.data(records).get(records.size() - 1);
      assertEquals("WARN", notice.get("level").asText());
      assertEquals("dev.tidings.logging", notice.get("logger").asText());
      long announced = Long.parseLong(notice.get("mdc").get("tidings.dropped").asText())
          + Long.parseLong(notice.get("mdc").get("tidings.failed").asText());
      assertTrue(announced >= during.dropped(), "the notice counts the drops: " + notice);
      assertTrue(notice.get("message").asText().contains("were not delivered"), notice.toString());

      Wait.until(() -> frontend.stats().queued() == 0, TIMEOUT, "the backlog published");
      frontend.log("after restart", 0);
      Topics.readUntil(kafka.bootstrapServers(), "outage-logs",
          d -> d.path("message").asText().equals("after restart 0"), TIMEOUT);
      Wait.until(() -> frontend.stats().notices() >= 1, TIMEOUT, "notice counted");
      Wait.until(() -> frontend.stats().accepted() == frontend.stats().published() + frontend.stats().failed(),
          TIMEOUT, "every accepted event published or failed: " + frontend.stats());
      assertStored(kafka, frontend.stats());
    }
    System.out.println("after the outage: " + frontend.stats());
  }
}
