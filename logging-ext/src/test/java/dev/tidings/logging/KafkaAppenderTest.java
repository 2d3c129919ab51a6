package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

@KafkaTest
class KafkaAppenderTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  /** Collects what reaches a fallback appender-ref. */
  public static final class Collecting extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      events.add(event);
    }
  }

  @Test
  void configuredFromLogbackXmlPublishesEveryField(TestKafka kafka) throws Exception {
    String xml = """
        <configuration>
          <appender name="COLLECT" class="dev.tidings.logging.KafkaAppenderTest$Collecting"/>
          <appender name="KAFKA_FIELDS" class="dev.tidings.logging.KafkaAppender">
            <servers>%s</servers>
            <stream>logs</stream>
            <topicPrefix>%s</topicPrefix>
            <keying>logger</keying>
            <serviceName>billing</serviceName>
            <field>env=test</field>
            <field>region=eu-1</field>
            <kafkaSetting>linger.ms=1</kafkaSetting>
            <kafkaSetting>compression.type=lz4</kafkaSetting>
            <queueSize>500</queueSize>
            <closeTimeoutMillis>4000</closeTimeoutMillis>
            <appender-ref ref="COLLECT"/>
          </appender>
          <logger name="it.logback.fields" level="DEBUG" additivity="false">
            <appender-ref ref="KAFKA_FIELDS"/>
          </logger>
        </configuration>
        """.formatted(kafka.bootstrapServers(), kafka.topicPrefix());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Logger logbackLogger = context.getLogger("it.logback.fields");
    KafkaAppender appender = (KafkaAppender) logbackLogger.getAppender("KAFKA_FIELDS");
    assertNotNull(appender, "appender configured");
    assertTrue(appender.isStarted(), "appender started: " + errors());
    assertNotNull(appender.getAppender("COLLECT"), "fallback attached through appender-ref");

    org.slf4j.Logger log = LoggerFactory.getLogger("it.logback.fields");
    try {
      MDC.put("requestId", "r-42");
      MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
      MDC.put("span_id", "00f067aa0ba902b7");
      log.info(MarkerFactory.getMarker("AUDIT"), "order {} shipped to {}", "o-1", 3);
      log.error("payment failed", new IllegalStateException("declined", new java.io.IOException("card reader offline")));
      log.atDebug().addKeyValue("orderId", "o-2").addKeyValue("qty", 5).log("fluent");
    } finally {
      MDC.clear();
    }
    Wait.until(() -> appender.stats().published() == 3, TIMEOUT, "3 published, " + appender.stats());

    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topic("logs"), 3, TIMEOUT);
    assertEquals(3, records.size());
    List<JsonNode> data = Topics.data(records);

    JsonNode info = data.get(0);
    assertTrue(info.get("timestamp").asText().endsWith("Z"), info.toString());
    assertEquals("INFO", info.get("level").asText());
    assertEquals(9, info.get("severity").asInt());
    assertEquals("INFO", info.get("nativeLevel").asText());
    assertEquals("it.logback.fields", info.get("logger").asText());
    assertEquals(Thread.currentThread().getName(), info.get("thread").asText());
    assertEquals("order o-1 shipped to 3", info.get("message").asText());
    assertEquals("order {} shipped to {}", info.get("template").asText());
    assertEquals("[\"o-1\",\"3\"]", info.get("arguments").toString());
    assertTrue(info.get("exception").isNull());
    assertEquals("r-42", info.get("mdc").get("requestId").asText());
    assertEquals("[\"AUDIT\"]", info.get("markers").toString());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", info.get("traceId").asText());
    assertEquals("00f067aa0ba902b7", info.get("spanId").asText());
    assertEquals("billing", info.get("resource").get("serviceName").asText());
    assertEquals("test", info.get("resource").get("attributes").get("env").asText());
    assertEquals("eu-1", info.get("resource").get("attributes").get("region").asText());
    assertEquals("it.logback.fields", new String(records.get(0).key(), StandardCharsets.UTF_8), "keying=logger");

    JsonNode error = data.get(1);
    assertEquals("ERROR", error.get("level").asText());
    assertEquals(17, error.get("severity").asInt());
    assertEquals("payment failed", error.get("message").asText());
    assertTrue(error.get("template").isNull(), "no template without arguments");
    JsonNode exception = error.get("exception");
    assertEquals("java.lang.IllegalStateException", exception.get("type").asText());
    assertEquals("declined", exception.get("message").asText());
    assertEquals("java.io.IOException", exception.get("causes").get(0).get("type").asText());
    assertEquals("card reader offline", exception.get("causes").get(0).get("message").asText());
    String stack = exception.get("stackTrace").asText();
    assertTrue(stack.contains("Caused by: java.io.IOException: card reader offline"), stack);
    assertTrue(stack.contains("KafkaAppenderTest"), stack);
    assertEquals("r-42", error.get("mdc").get("requestId").asText());

    JsonNode fluent = data.get(2);
    assertEquals("DEBUG", fluent.get("level").asText());
    assertEquals("o-2", fluent.get("keyValues").get("orderId").asText());
    assertEquals("5", fluent.get("keyValues").get("qty").asText());
    assertEquals("r-42", fluent.get("mdc").get("requestId").asText());

    appender.stop();
    logbackLogger.detachAppender(appender);
    assertTrue(((Collecting) appender.getAppender("COLLECT")).events.isEmpty(),
        "nothing failed, so nothing reached the fallback");
    assertEquals(0, appender.stats().dropped());
  }

  @Test
  void misconfiguredAppenderReportsWithAddErrorAndDoesNotStart() {
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName("BROKEN");
    appender.setQueueSize(0);
    appender.setKeying("by-magic");
    appender.addKafkaSetting("no-equals-sign");
    int before = context.getStatusManager().getCount();
    appender.start();
    assertFalse(appender.isStarted());

    List<String> errors = new ArrayList<>();
    List<Status> statuses = context.getStatusManager().getCopyOfStatusList();
    for (Status s : statuses.subList(Math.min(before, statuses.size()), statuses.size())) {
      if (s.getLevel() == Status.ERROR) {
        errors.add(s.getMessage());
      }
    }
    String all = String.join("\n", errors);
    assertTrue(all.contains("<servers> is not set"), all);
    assertTrue(all.contains("<stream> is not set"), all);
    assertTrue(all.contains("<queueSize> is 0"), all);
    assertTrue(all.contains("<keying> 'by-magic' is not a keying"), all);
    assertTrue(all.contains("<kafkaSetting> has an entry of 14 characters that is not key=value"), all);
    assertTrue(all.contains("was not started"), all);

    Logger logger = context.getLogger("it.logback.broken");
    logger.setAdditive(false);
    logger.addAppender(appender);
    try {
      logger.error("still fine", new RuntimeException("boom"));
      logger.info("and again");
    } finally {
      logger.detachAppender(appender);
    }
    assertEquals(0, appender.stats().accepted());
  }

  @Test
  void kafkaClientDebugLoggingOnTheSameRootDoesNotLoop(TestKafka kafka) {
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName("KAFKA_ROOT");
    appender.setServers(kafka.bootstrapServers());
    appender.setTopicPrefix(kafka.topicPrefix());
    appender.setStream("logs");
    appender.start();
    assertTrue(appender.isStarted(), errors());

    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger kafkaClients = context.getLogger("org.apache.kafka");
    Logger tidings = context.getLogger("dev.tidings");
    Level kafkaLevel = kafkaClients.getLevel();
    Level tidingsLevel = tidings.getLevel();
    root.addAppender(appender);
    kafkaClients.setLevel(Level.DEBUG);
    tidings.setLevel(Level.DEBUG);
    try {
      org.slf4j.Logger log = LoggerFactory.getLogger("it.recursion");
      for (int i = 0; i < 5; i++) {
        log.info("event {}", i);
      }
      log.info("done");
      List<ConsumerRecord<byte[], byte[]>> records = Topics.readUntil(
          kafka.bootstrapServers(), kafka.topic("logs"), d -> d.path("message").asText().equals("done"), TIMEOUT);
      for (JsonNode d : Topics.data(records)) {
        String logger = d.get("logger").asText();
        assertFalse(logger.startsWith("org.apache.kafka") || logger.startsWith("kafka")
            || logger.startsWith("dev.tidings") && !d.path("mdc").has("tidings.dropped"), "published " + d);
      }
      assertTrue(records.size() <= 7, "6 events (and at most one drop notice), not a loop: " + records.size());
      assertTrue(appender.stats().excluded() > 0,
          "Kafka client DEBUG events reached the appender and were kept out: " + appender.stats());
    } finally {
      kafkaClients.setLevel(kafkaLevel);
      tidings.setLevel(tidingsLevel);
      root.detachAppender(appender);
      appender.stop();
    }
    assertEquals(6, appender.stats().published(), appender.stats().toString());
  }

  @Test
  void stopFlushesQueuedEvents(TestKafka kafka) {
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName("KAFKA_FLUSH");
    appender.setServers(kafka.bootstrapServers());
    appender.setTopicPrefix(kafka.topicPrefix());
    appender.setStream("logs");
    appender.setCloseTimeoutMillis(20_000);
    appender.start();
    assertTrue(appender.isStarted(), errors());
    Logger logger = context.getLogger("it.logback.flush");
    logger.setAdditive(false);
    logger.addAppender(appender);
    for (int i = 0; i < 300; i++) {
      logger.info("queued {}", i);
    }
    logger.detachAppender(appender);
    appender.stop();

    assertEquals(300, appender.stats().published(), appender.stats().toString());
    List<JsonNode> data = Topics.data(kafka.readAll(kafka.topic("logs"), 300, TIMEOUT));
    assertEquals(300, data.size());
    java.util.Set<String> messages = new java.util.HashSet<>();
    data.forEach(d -> messages.add(d.get("message").asText()));
    assertEquals(300, messages.size());
    assertTrue(messages.contains("queued 299"), "the last event arrived");
  }

  private String errors() {
    StringBuilder b = new StringBuilder();
    for (Status s : context.getStatusManager().getCopyOfStatusList()) {
      if (s.getLevel() >= Status.WARN) {
        b.append(s.getMessage()).append('\n');
      }
    }
    return b.toString();
  }
}
