package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.SecureListener;
import dev.tidings.testkit.TopicReader;
import dev.tidings.testkit.Wait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The appender and the handler against a broker that takes SASL_SSL with SCRAM-SHA-512: they publish with the right
 * credentials, report a wrong password, and never echo a configured secret in a report (the real secrets are
 * searched for in every status message and stack trace).
 */
class SecuredBrokerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String USER = "logger";
  private static final String PASSWORD = "log-pw-90d2c";
  private static final String WRONG = "wrong-log-pw-4e7";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedKafka kafka;
  private static SecureListener secure;

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  /** Keeps every report with its stack trace. */
  static final class Recording extends ErrorManager {
    final List<String> reports = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void error(String msg, Exception ex, int code) {
      StringWriter trace = new StringWriter();
      if (ex != null) {
        ex.printStackTrace(new PrintWriter(trace));
      }
      reports.add(msg + "\n" + trace);
    }
  }

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.builder().scramUser(USER, PASSWORD).start();
    secure = kafka.secureListener();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theAppenderPublishesWithTheRightCredentials() throws Exception {
    KafkaAppender appender = appender("SECURE_OK", secure.clientSettings(USER), "appender-logs");
    int before = context.getStatusManager().getCount();
    appender.start();
    try {
      assertTrue(appender.isStarted(), this::statuses);
      Logger logger = logger("it.secure.ok", appender);
      logger.info("shipped over SASL_SSL");
      Wait.until(() -> appender.stats().published() == 1, TIMEOUT, "1 published, " + appender.stats());
    } finally {
      appender.stop();
    }
    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(kafka.bootstrapServers(), "appender-logs", 1,
        TIMEOUT);
    assertEquals("shipped over SASL_SSL", Topics.data(records).get(0).get("message").asText());
    assertNoSecret(statusesSince(before));
  }

  @Test
  void theHandlerPublishesWithTheRightCredentials() throws Exception {
    KafkaHandler handler = new KafkaHandler(secure.bootstrapServers(), "handler-logs");
    handler.setKafkaSettings(JSON.writeValueAsString(withoutServers(secure.clientSettings(USER))));
    Recording errors = new Recording();
    handler.setErrorManager(errors);
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("it.secure.jul");
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      logger.info("jul over SASL_SSL");
      Wait.until(() -> handler.stats().published() == 1, TIMEOUT, "1 published, " + handler.stats() + errors.reports);
    } finally {
      logger.removeHandler(handler);
      handler.close();
    }
    List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(kafka.bootstrapServers(), "handler-logs", 1,
        TIMEOUT);
    assertEquals("jul over SASL_SSL", Topics.data(records).get(0).get("message").asText());
    assertNoSecret(String.join("\n", errors.reports));
  }

  @Test
  void aWrongPasswordIsReportedWithoutThePassword() {
    Map<String, String> settings = secure.clientSettings(USER, WRONG, secure.truststore());
    settings.put("max.block.ms", "3000");
    settings.put("request.timeout.ms", "3000");
    settings.put("delivery.timeout.ms", "6000");
    settings.put("ssl.key.password", "unused-key-pw-55");
    KafkaAppender appender = appender("SECURE_WRONG", settings, "wrong-logs");
    int before = context.getStatusManager().getCount();
    appender.start();
    try {
      assertTrue(appender.isStarted(), this::statuses);
      logger("it.secure.wrong", appender).warn("never stored");
      Wait.until(() -> appender.stats().failed() == 1, TIMEOUT, "the record to fail, " + appender.stats());
      Wait.until(() -> statusesSince(before).contains("could not publish"), TIMEOUT, "a delivery report");
    } finally {
      appender.stop();
    }
    String reports = statusesSince(before);
    assertTrue(reports.contains("Authentication failed"), reports);
    assertNoSecret(reports);
    assertFalse(reports.contains(WRONG), reports);
    assertFalse(reports.contains("unused-key-pw-55"), reports);
  }

  @Test
  void configurationErrorsNeverEchoASecret() {
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName("SECURE_BROKEN");
    appender.setServers(secure.bootstrapServers());
    appender.setStream("broken-logs");
    appender.addKafkaSetting("ssl.key.password " + PASSWORD);
    appender.addKafkaSetting("sasl.jaas.config=" + SecureListener.jaasConfig(USER, PASSWORD));
    appender.addKafkaSetting("linger.ms=soon");
    appender.setKafkaSettings("{\"ssl.truststore.password\": " + secure.truststorePassword() + "}");
    int before = context.getStatusManager().getCount();
    appender.start();
    assertFalse(appender.isStarted());
    String reports = statusesSince(before);
    assertTrue(reports.contains("<kafkaSetting> has an entry starting with ssl.key.password that is not"
        + " key=value"), reports);
    assertTrue(reports.contains("<kafkaSettings> is not a valid JSON object (line 1, column"), reports);
    assertTrue(reports.contains("linger.ms=soon"), reports);
    assertNoSecret(reports);

    KafkaHandler handler = new KafkaHandler(secure.bootstrapServers(), "broken-logs");
    Recording errors = new Recording();
    handler.setErrorManager(errors);
    handler.setKafkaSettings("{\"sasl.jaas.config\": {\"password\": \"" + PASSWORD + "\"}, \"ssl.truststore"
        + ".password\": \"" + secure.truststorePassword() + "\", \"linger.ms\": \"x\"}");
    handler.publish(new java.util.logging.LogRecord(Level.INFO, "not published"));
    handler.close();
    String julReports = String.join("\n", errors.reports);
    assertTrue(julReports.contains("has sasl.jaas.config set to an object"), julReports);
    assertNoSecret(julReports);
  }

  private KafkaAppender appender(String name, Map<String, String> settings, String stream) {
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName(name);
    appender.setServers(secure.bootstrapServers());
    appender.setStream(stream);
    withoutServers(settings).forEach((k, v) -> appender.addKafkaSetting(k + "=" + v));
    return appender;
  }

  private Logger logger(String name, KafkaAppender appender) {
    Logger logger = context.getLogger(name);
    logger.setAdditive(false);
    logger.addAppender(appender);
    return logger;
  }

  private static Map<String, String> withoutServers(Map<String, String> settings) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.remove("bootstrap.servers");
    return copy;
  }

  private String statuses() {
    return statusesSince(0);
  }

  /** Every status message since {@code before}, with the stack traces of their throwables. */
  private String statusesSince(int before) {
    List<Status> all = context.getStatusManager().getCopyOfStatusList();
    List<String> texts = new ArrayList<>();
    for (Status s : all.subList(Math.min(before, all.size()), all.size())) {
      StringWriter trace = new StringWriter();
      if (s.getThrowable() != null) {
        s.getThrowable().printStackTrace(new PrintWriter(trace));
      }
      texts.add(s.getMessage() + "\n" + trace);
    }
    return String.join("\n", texts);
  }

  private static void assertNoSecret(String text) {
    for (String secret : secure.secrets()) {
      assertFalse(text.contains(secret), () -> "the secret " + secret.charAt(0) + "... appears in:\n" + text);
    }
  }
}
