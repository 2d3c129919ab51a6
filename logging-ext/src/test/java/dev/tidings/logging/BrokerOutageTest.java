package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.Wait;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The broker goes away while the application keeps logging, then comes back. */
class BrokerOutageTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void logCallsStayPromptWhileTheBrokerIsDownAndTheDropsAreAnnouncedAfterwards() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      KafkaAppender appender = new KafkaAppender();
      appender.setContext(context);
      appender.setName("KAFKA_OUTAGE");
      appender.setServers(kafka.bootstrapServers());
      appender.setStream("outage-logs");
      appender.setQueueSize(1000);
      appender.setCloseTimeoutMillis(3000);
      appender.setKafkaSettings("{\"delivery.timeout.ms\": 8000, \"request.timeout.ms\": 2000,"
          + " \"max.block.ms\": 2000, \"reconnect.backoff.max.ms\": 200}");
      appender.start();
      assertTrue(appender.isStarted());
      Logger logger = context.getLogger("it.outage");
      logger.setAdditive(false);
      logger.addAppender(appender);
      org.slf4j.Logger log = LoggerFactory.getLogger("it.outage");
      try {
        for (int i = 0; i < 5; i++) {
          log.info("before {}", i);
        }
        Wait.until(() -> appender.stats().published() == 5, TIMEOUT, "5 published before the outage");

        kafka.stop();
        long begin = System.nanoTime();
        int returned = 0;
        for (int i = 0; i < 10_000; i++) {
          log.warn("during outage {}", i);
          returned++;
        }
        long elapsedMicros = (System.nanoTime() - begin) / 1_000;
        System.out.printf("10,000 log calls with the broker down took %,d us (%.2f us per call); %s%n",
            elapsedMicros, elapsedMicros / 10_000.0, appender.stats());
        assertEquals(10_000, returned);
        DeliveryStats during = appender.stats();
        assertTrue(during.dropped() >= 10_000 - 2 * 1000,
            "at most queueSize queued plus queueSize in flight, the rest dropped and counted: " + during);
        assertEquals(10_005, during.accepted() + during.dropped(), "every call accounted for: " + during);

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

        Wait.until(() -> appender.stats().queued() == 0, TIMEOUT, "the backlog published");
        log.info("after restart");
        Topics.readUntil(kafka.bootstrapServers(), "outage-logs",
            d -> d.path("message").asText().equals("after restart"), TIMEOUT);
        Wait.until(() -> appender.stats().notices() >= 1, TIMEOUT, "notice counted");
      } finally {
        logger.detachAppender(appender);
        appender.stop();
      }
      System.out.println("after the outage: " + appender.stats());
    }
  }
}
