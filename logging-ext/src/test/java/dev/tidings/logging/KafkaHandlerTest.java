package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

@KafkaTest
class KafkaHandlerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Keeps every report. */
  static final class Recording extends ErrorManager {
    final List<String> messages = new ArrayList<>();
    final List<Integer> codes = new ArrayList<>();

    @Override
    public synchronized void error(String msg, Exception ex, int code) {
      messages.add(msg);
      codes.add(code);
    }
  }

  private static Logger logger(String name, KafkaHandler handler) {
    Logger logger = Logger.getLogger(name);
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    return logger;
  }

  @Test
  void publishesJulRecordsWithEveryField(TestKafka kafka) {
    KafkaHandler handler = new KafkaHandler(kafka.bootstrapServers(), "logs");
    handler.setTopicPrefix(kafka.topicPrefix());
    handler.setServiceName("orders");
    handler.setFields("{\"env\":\"test\",\"zone\":\"a\"}");
    handler.setKafkaSettings("linger.ms=1;acks=all");
    handler.setKeying("thread");
    Recording errors = new Recording();
    handler.setErrorManager(errors);
    Logger log = logger("it.jul.fields", handler);
    try {
      MDC.put("requestId", "r-7");
      MDC.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
      log.log(Level.INFO, "order {0} shipped to {1}", new Object[] {"o-1", 3});
      log.log(Level.WARNING, "payment failed",
          new IllegalStateException("declined", new IOException("card reader offline")));
      log.fine("plain");
    } finally {
      MDC.clear();
      log.removeHandler(handler);
    }
    Wait.until(() -> handler.stats().published() == 3, TIMEOUT, "3 published, " + handler.stats());
    handler.close();
    assertEquals(List.of(), errors.messages, "no errors reported");

    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topic("logs"), 3, TIMEOUT);
    List<JsonNode> data = Topics.data(records);

    JsonNode info = data.get(0);
    assertTrue(info.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
        info.get("timestamp").asText());
    assertEquals("INFO", info.get("level").asText());
    assertEquals(9, info.get("severity").asInt());
    assertEquals("INFO", info.get("nativeLevel").asText());
    assertEquals("it.jul.fields", info.get("logger").asText());
    assertEquals(Thread.currentThread().getName(), info.get("thread").asText());
    assertEquals("order o-1 shipped to 3", info.get("message").asText());
    assertEquals("order {0} shipped to {1}", info.get("template").asText());
    assertEquals("[\"o-1\",\"3\"]", info.get("arguments").toString());
    assertEquals("r-7", info.get("mdc").get("requestId").asText(), "SLF4J MDC captured: " + info);
    assertEquals("0af7651916cd43dd8448eb211c80319c", info.get("traceId").asText());
    assertTrue(info.get("spanId").isNull());
    assertEquals("[]", info.get("markers").toString());
    assertEquals("orders", info.get("resource").get("serviceName").asText());
    assertEquals("test", info.get("resource").get("attributes").get("env").asText());
    assertEquals(Thread.currentThread().getName(), new String(records.get(0).key(), StandardCharsets.UTF_8));

    JsonNode warning = data.get(1);
    assertEquals("WARN", warning.get("level").asText());
    assertEquals("WARNING", warning.get("nativeLevel").asText());
    assertEquals(13, warning.get("severity").asInt());
    JsonNode exception = warning.get("exception");
    assertEquals("java.lang.IllegalStateException", exception.get("type").asText());
    assertEquals("declined", exception.get("message").asText());
    assertEquals(1, exception.get("causes").size());
    assertEquals("java.io.IOException", exception.get("causes").get(0).get("type").asText());
    assertEquals("card reader offline", exception.get("causes").get(0).get("message").asText());
    assertTrue(exception.get("stackTrace").asText().contains("Caused by: java.io.IOException: card reader offline"));

    JsonNode fine = data.get(2);
    assertEquals("DEBUG", fine.get("level").asText());
    assertEquals("FINE", fine.get("nativeLevel").asText());
    assertEquals(5, fine.get("severity").asInt());
    assertEquals("plain", fine.get("message").asText());
    assertTrue(fine.get("arguments").isNull());
  }

  @Test
  void readsItsKeysFromLoggingProperties(TestKafka kafka) throws IOException {
    String p = "dev.tidings.logging.KafkaHandler.";
    String properties = String.join("\n",
        p + "servers=" + kafka.bootstrapServers(),
        p + "stream=app-logs",
        p + "topicPrefix=" + kafka.topicPrefix(),
        p + "queueSize=100",
        p + "keying=static:billing",
        p + "serviceName=billing",
        p + "fields=env=prod;team=payments",
        p + "kafkaSettings={\"linger.ms\": 2, \"enable.idempotence\": true}",
        p + "level=WARNING",
        p + "fallback=console",
        p + "closeTimeoutMillis=3000",
        p + "dropBelowWarnFirst=true",
        "");
    LogManager manager = LogManager.getLogManager();
    KafkaHandler handler;
    try {
      manager.readConfiguration(new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
      handler = new KafkaHandler();
    } finally {
      manager.readConfiguration();
    }
    assertEquals(Level.WARNING, handler.getLevel());
    Logger log = logger("it.jul.properties", handler);
    log.info("below the handler's level");
    log.warning("kept");
    log.removeHandler(handler);
    handler.close();
    assertEquals(1, handler.stats().published(), handler.stats().toString());

    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topic("app-logs"), 1, TIMEOUT);
    assertEquals(1, records.size());
    assertEquals("billing", new String(records.get(0).key(), StandardCharsets.UTF_8));
    JsonNode data = Topics.data(records).get(0);
    assertEquals("kept", data.get("message").asText());
    assertEquals("prod", data.get("resource").get("attributes").get("env").asText());
    assertEquals("payments", data.get("resource").get("attributes").get("team").asText());
  }

  @Test
  void misconfigurationIsReportedOnceThroughTheErrorManager() {
    KafkaHandler handler = new KafkaHandler();
    Recording errors = new Recording();
    handler.setErrorManager(errors);
    handler.setQueueSize(-1);
    Logger log = logger("it.jul.broken", handler);
    try {
      log.severe("first");
      log.log(Level.WARNING, "second", new RuntimeException("boom"));
      log.info("third");
    } finally {
      log.removeHandler(handler);
    }
    assertEquals(1, errors.messages.size(), "reported once: " + errors.messages);
    assertEquals(ErrorManager.OPEN_FAILURE, errors.codes.get(0));
    String message = errors.messages.get(0);
    assertTrue(message.contains("dev.tidings.logging.KafkaHandler.servers is not set"), message);
    assertTrue(message.contains("dev.tidings.logging.KafkaHandler.stream is not set"), message);
    assertTrue(message.contains("dev.tidings.logging.KafkaHandler.queueSize is -1"), message);
    assertEquals(0, handler.stats().accepted());
    handler.close();
    assertThrows(IllegalStateException.class, () -> handler.setStream("too-late"));
  }

  @Test
  void closeFlushesQueuedRecords(TestKafka kafka) {
    KafkaHandler handler = new KafkaHandler(kafka.bootstrapServers(), "logs");
    handler.setTopicPrefix(kafka.topicPrefix());
    handler.setCloseTimeoutMillis(20_000);
    Logger log = logger("it.jul.flush", handler);
    for (int i = 0; i < 300; i++) {
      log.log(Level.INFO, "queued {0}", i);
    }
    log.removeHandler(handler);
    handler.close();

    assertEquals(300, handler.stats().published(), handler.stats().toString());
    List<JsonNode> data = Topics.data(kafka.readAll(kafka.topic("logs"), 300, TIMEOUT));
    Set<String> messages = new HashSet<>();
    data.forEach(d -> messages.add(d.get("message").asText()));
    assertEquals(300, messages.size());
    assertNotNull(data.get(0).get("resource"));
  }
}
