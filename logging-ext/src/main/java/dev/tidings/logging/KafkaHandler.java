package dev.tidings.logging;

import dev.tidings.logging.internal.ConsoleFallback;
import dev.tidings.logging.internal.JulEvents;
import dev.tidings.logging.internal.LogShipper;
import dev.tidings.logging.internal.Recursion;
import dev.tidings.logging.internal.ReportingErrorManager;
import dev.tidings.logging.internal.ShipperConfig;
import dev.tidings.logging.internal.Secrets;
import dev.tidings.logging.internal.Status;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;

/**
 * A {@code java.util.logging} handler that publishes each record as a {@link LogRecord} envelope
 * ({@code LogRecord:1}) to a Kafka stream.
 *
 * <p>In {@code logging.properties}:
 *
 * <pre>
 * handlers = java.util.logging.ConsoleHandler, dev.tidings.logging.KafkaHandler
 * dev.tidings.logging.KafkaHandler.servers = kafka-1:9092,kafka-2:9092
 * dev.tidings.logging.KafkaHandler.stream = logs
 * dev.tidings.logging.KafkaHandler.serviceName = billing
 * </pre>
 *
 * <table>
 *   <caption>Keys (prefixed with {@code dev.tidings.logging.KafkaHandler.})</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>servers</td><td>bootstrap servers, {@code host:port[,host:port]}</td><td>required (or
 *       {@code bootstrap.servers} in kafkaSettings)</td></tr>
 *   <tr><td>stream</td><td>the stream (topic without prefix)</td><td>required</td></tr>
 *   <tr><td>topicPrefix</td><td>prepended to the stream</td><td>empty</td></tr>
 *   <tr><td>queueSize</td><td>events that may wait; also the bound of unacknowledged records</td>
 *       <td>8192</td></tr>
 *   <tr><td>keying</td><td>Kafka key: {@code none}, {@code logger}, {@code thread}, {@code traceId},
 *       {@code static:<value>}</td><td>none</td></tr>
 *   <tr><td>serviceName</td><td>{@code resource.serviceName}</td><td>{@code OTEL_SERVICE_NAME}</td></tr>
 *   <tr><td>fields</td><td>static {@code resource.attributes}, {@code k=v;k=v} or JSON</td><td>none</td></tr>
 *   <tr><td>kafkaSettings</td><td>Kafka client settings, a JSON object or {@code k=v;k=v}</td><td>none</td></tr>
 *   <tr><td>transport</td><td>instead of Kafka: a one-line YAML transport section, or {@code @FILE}</td><td>kafka</td></tr>
 *   <tr><td>level</td><td>the handler's level</td><td>ALL</td></tr>
 *   <tr><td>fallback</td><td>{@code console} (standard error) or {@code none}: where records go that
 *       could not be published</td><td>none</td></tr>
 *   <tr><td>closeTimeoutMillis</td><td>bound of {@link #close()}</td><td>5000</td></tr>
 *   <tr><td>dropBelowWarnFirst</td><td>drop records below WARNING once the queue is 80% full</td>
 *       <td>false</td></tr>
 * </table>
 *
 * <p>Programmatically, create it with {@link #KafkaHandler(String, String)} or the setters, before
 * the first record. The handler starts on the first record it publishes; if it is misconfigured it
 * reports every problem once through its {@link ErrorManager} and publishes nothing. {@link
 * #publish} never blocks on Kafka and never throws (see the package documentation). Records of
 * {@code org.apache.kafka.*}, {@code kafka.*} and {@code dev.tidings.*} loggers are never published.
 * When SLF4J is on the class path, its MDC is captured (with {@code traceId}/{@code spanId}).
 *
 * <p>The default error manager prints each report to standard error (the JDK's prints only the
 * first); reports of drops and failures come at most every 10 seconds.
 */
public class KafkaHandler extends Handler {
  private static final String PREFIX = KafkaHandler.class.getName() + ".";

  private final Object lock = new Object();
  private String servers;
  private String stream;
  private String topicPrefix = "";
  private int queueSize = ShipperConfig.DEFAULT_QUEUE_SIZE;
  private String keying = "none";
  private String serviceName;
  private String fields;
  private String kafkaSettings;
  private String transport;
  private String fallback = "none";
  private long closeTimeoutMillis = ShipperConfig.DEFAULT_CLOSE_TIMEOUT_MILLIS;
  private boolean dropBelowWarnFirst;
  private final StringBuilder propertyProblems = new StringBuilder();
  private boolean started;
  private volatile boolean disabled;
  private volatile LogShipper shipper;

  /** A handler configured from the {@code LogManager} properties (see the class comment). */
  public KafkaHandler() {
    setErrorManager(new ReportingErrorManager("KafkaHandler"));
    configure(LogManager.getLogManager());
  }

  /** A handler for {@code stream} on {@code servers}; other settings from the properties or setters. */
  public KafkaHandler(String servers, String stream) {
    this();
    this.servers = servers;
    this.stream = stream;
  }

  private void configure(LogManager manager) {
    servers = property(manager, "servers", null);
    stream = property(manager, "stream", null);
    topicPrefix = property(manager, "topicPrefix", "");
    keying = property(manager, "keying", "none");
    serviceName = property(manager, "serviceName", null);
    fields = property(manager, "fields", null);
    kafkaSettings = property(manager, "kafkaSettings", null);
    transport = property(manager, "transport", null);
    fallback = property(manager, "fallback", "none");
    String queue = property(manager, "queueSize", null);
    if (queue != null) {
      try {
        queueSize = Integer.parseInt(queue.trim());
      } catch (NumberFormatException e) {
        invalid("queueSize", queue, "use a whole number such as 8192");
      }
    }
    String close = property(manager, "closeTimeoutMillis", null);
    if (close != null) {
      try {
        closeTimeoutMillis = Long.parseLong(close.trim());
      } catch (NumberFormatException e) {
        invalid("closeTimeoutMillis", close, "use a number of milliseconds such as 5000");
      }
    }
    String drop = property(manager, "dropBelowWarnFirst", null);
    if (drop != null) {
      dropBelowWarnFirst = Boolean.parseBoolean(drop.trim());
    }
    String level = property(manager, "level", null);
    if (level != null) {
      try {
        setLevel(Level.parse(level.trim()));
      } catch (IllegalArgumentException e) {
        invalid("level", level, "use a level such as INFO, FINE or ALL");
      }
    }
  }

  private static String property(LogManager manager, String key, String fallback) {
    String v = manager.getProperty(PREFIX + key);
    return v == null ? fallback : v;
  }

  private void invalid(String key, String value, String expected) {
    propertyProblems.append(PREFIX).append(key).append(" is '").append(value).append("': ")
        .append(expected).append('\n');
  }

  /**
   * Publishes {@code record} if it is loggable: snapshots it and offers it to the queue. Never
   * blocks on Kafka, never throws; problems go to the {@link ErrorManager}.
   */
  @Override
  public void publish(java.util.logging.LogRecord record) {
    if (disabled || record == null) {
      return;
    }
    try {
      if (!isLoggable(record)) {
        return;
      }
      LogShipper s = shipper;
      if (s == null) {
        s = start();
        if (s == null) {
          return;
        }
      }
      if (Recursion.excluded(record.getLoggerName())) {
        s.excluded();
        return;
      }
      s.offer(JulEvents.snapshot(record));
    } catch (RuntimeException | LinkageError e) {
      reportError("cannot queue a log record: " + e, e instanceof Exception ex ? ex : new RuntimeException(e),
          ErrorManager.WRITE_FAILURE);
    }
  }

  private LogShipper start() {
    synchronized (lock) {
      if (started) {
        return shipper;
      }
      started = true;
      if (Recursion.excluded(null)) {
        // The first record came from the extension's own thread; start on the next one.
        started = false;
        return null;
      }
      ShipperConfig.Builder builder = ShipperConfig.builder("KafkaHandler", key -> PREFIX + key)
          .servers(servers)
          .stream(stream)
          .topicPrefix(topicPrefix)
          .queueSize(queueSize)
          .keying(keying)
          .serviceName(serviceName)
          .fields(fields)
          .kafkaSettings(kafkaSettings)
          .transport(transport)
          .closeTimeoutMillis(closeTimeoutMillis)
          .dropBelowWarnFirst(dropBelowWarnFirst);
      String fallbackName = fallback == null ? "none" : fallback.trim().toLowerCase(Locale.ROOT);
      if (!fallbackName.equals("console") && !fallbackName.equals("none")) {
        builder.invalid("fallback", fallback, "use console or none");
      }
      List<String> problems = builder.problems();
      Secrets secrets = builder.secrets();
      if (propertyProblems.length() > 0 || !problems.isEmpty()) {
        disabled = true;
        reportError(secrets.mask("KafkaHandler is misconfigured and publishes nothing:\n" + propertyProblems
            + String.join("\n", problems)), null, ErrorManager.OPEN_FAILURE);
        return null;
      }
      Status status = (kind, message, cause) -> {
        Throwable masked = secrets.mask(cause);
        reportError(secrets.mask(message),
            masked == null || masked instanceof Exception ? (Exception) masked : new RuntimeException(masked),
            code(kind));
      };
      shipper = LogShipper.start(builder.build(), status, fallbackName.equals("console") ? new ConsoleFallback() : null);
      return shipper;
    }
  }

  private static int code(Status.Kind kind) {
    return switch (kind) {
      case CONFIG -> ErrorManager.OPEN_FAILURE;
      case DROP, DELIVERY -> ErrorManager.WRITE_FAILURE;
      case CLOSE -> ErrorManager.CLOSE_FAILURE;
      case INTERNAL -> ErrorManager.GENERIC_FAILURE;
    };
  }

  /**
   * Waits until the records published so far are stored by Kafka or have failed, at most {@code
   * closeTimeoutMillis}.
   */
  @Override
  public void flush() {
    LogShipper s = shipper;
    if (s != null && !s.flush(Duration.ofMillis(closeTimeoutMillis))) {
      reportError("flush did not finish within closeTimeoutMillis=" + closeTimeoutMillis, null,
          ErrorManager.FLUSH_FAILURE);
    }
  }

  /**
   * Publishes what is queued and closes the producer within {@code closeTimeoutMillis}; later
   * records are ignored. Called by the {@code LogManager} on reset and at JVM exit.
   */
  @Override
  public void close() {
    LogShipper s;
    synchronized (lock) {
      disabled = true;
      started = true;
      s = shipper;
    }
    if (s != null) {
      s.close();
    }
  }

  /** Counters since start; all zero before the first record. */
  public DeliveryStats stats() {
    LogShipper s = shipper;
    return s == null ? new DeliveryStats(0, 0, 0, 0, 0, 0, 0) : s.stats();
  }

  private void configuring() {
    if (started) {
      throw new IllegalStateException("KafkaHandler has started (or was closed): configure it before the first"
          + " record is published");
    }
  }

  /** Bootstrap servers, {@code host:port[,host:port]}. */
  public void setServers(String servers) {
    synchronized (lock) {
      configuring();
      this.servers = servers;
    }
  }

  /** The stream (topic name without prefix). */
  public void setStream(String stream) {
    synchronized (lock) {
      configuring();
      this.stream = stream;
    }
  }

  public void setTopicPrefix(String topicPrefix) {
    synchronized (lock) {
      configuring();
      this.topicPrefix = topicPrefix;
    }
  }

  public void setQueueSize(int queueSize) {
    synchronized (lock) {
      configuring();
      this.queueSize = queueSize;
    }
  }

  /** {@code none}, {@code logger}, {@code thread}, {@code traceId} or {@code static:<value>}. */
  public void setKeying(String keying) {
    synchronized (lock) {
      configuring();
      this.keying = keying;
    }
  }

  public void setServiceName(String serviceName) {
    synchronized (lock) {
      configuring();
      this.serviceName = serviceName;
    }
  }

  /** Static resource attributes, {@code k=v;k=v} or a JSON object. */
  public void setFields(String fields) {
    synchronized (lock) {
      configuring();
      this.fields = fields;
    }
  }

  /** Kafka client settings, a JSON object or {@code k=v;k=v}; passed to the clients untouched. */
  public void setKafkaSettings(String kafkaSettings) {
    synchronized (lock) {
      configuring();
      this.kafkaSettings = kafkaSettings;
    }
  }

  /**
   * The transport instead of Kafka: a one-line YAML transport section such as {@code {type: http,
   * url: "http://ingress:8080"}}, or {@code @FILE} for the {@code transport:} section of a
   * configuration file. Default: kafka.
   */
  public void setTransport(String transport) {
    synchronized (lock) {
      configuring();
      this.transport = transport;
    }
  }

  /** {@code console} or {@code none}. */
  public void setFallback(String fallback) {
    synchronized (lock) {
      configuring();
      this.fallback = fallback;
    }
  }

  public void setCloseTimeoutMillis(long closeTimeoutMillis) {
    synchronized (lock) {
      configuring();
      this.closeTimeoutMillis = closeTimeoutMillis;
    }
  }

  public void setDropBelowWarnFirst(boolean dropBelowWarnFirst) {
    synchronized (lock) {
      configuring();
      this.dropBelowWarnFirst = dropBelowWarnFirst;
    }
  }
}
