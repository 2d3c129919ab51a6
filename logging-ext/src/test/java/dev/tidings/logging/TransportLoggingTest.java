package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.sun.net.httpserver.HttpServer;
import dev.tidings.testkit.Wait;
import dev.tidings.transport.MemoryTransport;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The handler and the appender publish through a configured transport instead of Kafka. */
class TransportLoggingTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  static final class Recording extends ErrorManager {
    final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void error(String msg, Exception ex, int code) {
      messages.add(msg);
    }
  }

  @Test
  void julHandlerShipsOverHttpWithoutKafka() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    List<String> paths = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    server.createContext("/", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      paths.add(ex.getRequestURI().getPath());
      byte[] out = "{\"topic\":\"logs\",\"partition\":0,\"offset\":1}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(201, out.length);
      ex.getResponseBody().write(out);
      ex.close();
    });
    server.start();
    KafkaHandler handler = new KafkaHandler(null, "logs");
    handler.setTransport("{type: http, url: \"http://127.0.0.1:" + server.getAddress().getPort() + "\"}");
    Recording errors = new Recording();
    handler.setErrorManager(errors);
    Logger log = Logger.getLogger("it.transport.http");
    log.setUseParentHandlers(false);
    log.addHandler(handler);
    try {
      log.info("shipped over http");
      Wait.until(() -> handler.stats().published() == 1, TIMEOUT, "one record published over HTTP");
    } finally {
      handler.close();
      log.removeHandler(handler);
      server.stop(0);
    }
    assertEquals(List.of("/v1/streams/logs"), paths);
    assertTrue(bodies.get(0).startsWith("{\"schema\":\"LogRecord:1\",\"data\":{"), bodies.get(0));
    assertTrue(bodies.get(0).contains("shipped over http"), bodies.get(0));
    assertEquals(List.of(), errors.messages);
  }

  @Test
  void julHandlerFailuresAreCountedNotThrown() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    KafkaHandler handler = new KafkaHandler(null, "logs");
    handler.setTransport("{type: http, url: \"http://127.0.0.1:" + port + "\", retry: {maxAttempts: 1}}");
    Recording errors = new Recording();
    handler.setErrorManager(errors);
    Logger log = Logger.getLogger("it.transport.refused");
    log.setUseParentHandlers(false);
    log.addHandler(handler);
    try {
      log.log(Level.WARNING, "nobody listens");
      Wait.until(() -> handler.stats().failed() == 1, TIMEOUT, "the record counted as failed");
    } finally {
      handler.close();
      log.removeHandler(handler);
    }
  }

  @Test
  void logbackAppenderTakesATransportFromAConfigurationFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("tidings.yaml"),
        "transport:\n  type: memory\n  name: appender-logs\n");
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName("T");
    appender.setStream("app-logs");
    appender.setTransport("@" + file);
    appender.start();
    assertTrue(appender.isStarted(), () -> context.getStatusManager().getCopyOfStatusList().toString());
    ch.qos.logback.classic.Logger logger = context.getLogger("it.transport.appender");
    logger.setAdditive(false);
    logger.addAppender(appender);
    try {
      logger.info("to memory");
      Wait.until(() -> appender.stats().published() + appender.stats().failed() > 0, TIMEOUT,
          "the event published: " + context.getStatusManager().getCopyOfStatusList());
      assertEquals(1, appender.stats().published(), () -> context.getStatusManager().getCopyOfStatusList().toString());
      List<String> sent = MemoryTransport.named("appender-logs").await(1, TIMEOUT).stream()
          .map(m -> m.stream() + " " + new String(m.envelope(), StandardCharsets.UTF_8)).toList();
      assertTrue(sent.get(0).startsWith("app-logs {\"schema\":\"LogRecord:1\""), sent::toString);
      assertTrue(sent.get(0).contains("to memory"), sent::toString);
    } finally {
      logger.detachAppender(appender);
      appender.stop();
    }
  }

  @Test
  void aBadTransportKeepsTheAppenderFromStarting() {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    KafkaAppender appender = new KafkaAppender();
    appender.setContext(context);
    appender.setName("B");
    appender.setStream("logs");
    appender.setTransport("{type: http, timeout: soon}");
    appender.start();
    assertTrue(!appender.isStarted());
    String statuses = context.getStatusManager().getCopyOfStatusList().toString();
    assertTrue(statuses.contains("transport"), statuses);
  }
}
