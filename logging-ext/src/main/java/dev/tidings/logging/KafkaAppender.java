package dev.tidings.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import dev.tidings.logging.internal.Fallback;
import dev.tidings.logging.internal.LogShipper;
import dev.tidings.logging.internal.LogbackEvents;
import dev.tidings.logging.internal.Recursion;
import dev.tidings.logging.internal.ShipperConfig;
import dev.tidings.logging.internal.Secrets;
import dev.tidings.logging.internal.Status;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A Logback appender that publishes each event as a {@link LogRecord} envelope ({@code LogRecord:1})
 * to a Kafka stream.
 *
 * <pre>{@code
 * <appender name="KAFKA" class="dev.tidings.logging.KafkaAppender">
 *   <servers>kafka-1:9092,kafka-2:9092</servers>
 *   <stream>logs</stream>
 *   <serviceName>billing</serviceName>
 *   <field>env=prod</field>
 *   <kafkaSetting>security.protocol=SSL</kafkaSetting>
 *   <appender-ref ref="CONSOLE"/>   <!-- fallback for what could not be published -->
 * </appender>
 * <root level="INFO"><appender-ref ref="CONSOLE"/><appender-ref ref="KAFKA"/></root>
 * }</pre>
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>servers</td><td>bootstrap servers, {@code host:port[,host:port]}</td><td>required (or
 *       {@code bootstrap.servers} as a Kafka setting)</td></tr>
 *   <tr><td>stream</td><td>the stream (topic without prefix)</td><td>required</td></tr>
 *   <tr><td>topicPrefix</td><td>prepended to the stream</td><td>empty</td></tr>
 *   <tr><td>queueSize</td><td>events that may wait; also the bound of unacknowledged records</td>
 *       <td>8192</td></tr>
 *   <tr><td>keying</td><td>Kafka key: {@code none}, {@code logger}, {@code thread}, {@code traceId},
 *       {@code static:<value>}</td><td>none</td></tr>
 *   <tr><td>serviceName</td><td>{@code resource.serviceName}</td><td>{@code OTEL_SERVICE_NAME}</td></tr>
 *   <tr><td>field</td><td>a static {@code resource.attributes} entry, {@code key=value}; repeatable</td>
 *       <td>none</td></tr>
 *   <tr><td>kafkaSetting</td><td>a Kafka client setting, {@code key=value}; repeatable</td><td>none</td></tr>
 *   <tr><td>kafkaSettings</td><td>Kafka client settings, a JSON object or {@code k=v;k=v}</td><td>none</td></tr>
 *   <tr><td>transport</td><td>instead of Kafka: a one-line YAML transport section, or {@code @FILE}</td><td>kafka</td></tr>
 *   <tr><td>appender-ref</td><td>fallback appenders for events that could not be published</td><td>none</td></tr>
 *   <tr><td>closeTimeoutMillis</td><td>bound of {@link #stop()}</td><td>5000</td></tr>
 *   <tr><td>dropBelowWarnFirst</td><td>drop events below WARN once the queue is 80% full</td><td>false</td></tr>
 * </table>
 *
 * <p>{@link #start()} refuses to start when misconfigured and says why with {@code addError}; the
 * application keeps running. Appending never blocks on Kafka and never throws. Events of {@code
 * org.apache.kafka.*}, {@code kafka.*} and {@code dev.tidings.*} loggers, and events logged on the
 * appender's own threads, are never published. Drops and failures are reported with {@code
 * addWarn} at most every 10 seconds; add {@code <statusListener
 * class="ch.qos.logback.core.status.OnConsoleStatusListener"/>} to see them. The fallback appenders
 * are owned by the configuration: this appender does not stop them.
 */
public class KafkaAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {
  private final AppenderAttachableImpl<ILoggingEvent> fallbacks = new AppenderAttachableImpl<>();
  private String servers;
  private String stream;
  private String topicPrefix = "";
  private int queueSize = ShipperConfig.DEFAULT_QUEUE_SIZE;
  private String keying = "none";
  private String serviceName;
  private final List<String> fields = new ArrayList<>();
  private String kafkaSettings;
  private String transport;
  private final List<String> kafkaSettingEntries = new ArrayList<>();
  private long closeTimeoutMillis = ShipperConfig.DEFAULT_CLOSE_TIMEOUT_MILLIS;
  private boolean dropBelowWarnFirst;
  private volatile LogShipper shipper;

  @Override
  public void start() {
    if (isStarted()) {
      return;
    }
    String label = "KafkaAppender[" + getName() + "]";
    ShipperConfig.Builder builder = ShipperConfig.builder(label, key -> "<" + key + ">")
        .servers(servers)
        .stream(stream)
        .topicPrefix(topicPrefix)
        .queueSize(queueSize)
        .keying(keying)
        .serviceName(serviceName)
        .kafkaSettings(kafkaSettings)
        .transport(transport)
        .closeTimeoutMillis(closeTimeoutMillis)
        .dropBelowWarnFirst(dropBelowWarnFirst);
    fields.forEach(builder::field);
    kafkaSettingEntries.forEach(builder::kafkaSetting);
    List<String> problems = builder.problems();
    Secrets secrets = builder.secrets();
    if (!problems.isEmpty()) {
      for (String problem : problems) {
        addError(secrets.mask(label + ": " + problem));
      }
      addError(label + " is misconfigured and was not started; events sent to it are ignored");
      return;
    }
    Status status = (kind, message, cause) -> {
      String masked = secrets.mask(message);
      Throwable maskedCause = secrets.mask(cause);
      switch (kind) {
        case CONFIG, INTERNAL -> addError(masked, maskedCause);
        default -> addWarn(masked, maskedCause);
      }
    };
    Fallback fallback = s -> {
      if (s.original() instanceof ILoggingEvent event) {
        fallbacks.appendLoopOnAppenders(event);
      }
    };
    shipper = LogShipper.start(builder.build(), status, fallback);
    super.start();
  }

  /** Publishes what is queued and closes the producer, within {@code closeTimeoutMillis}. */
  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    LogShipper s = shipper;
    if (s != null) {
      s.close();
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    LogShipper s = shipper;
    if (s == null || event == null) {
      return;
    }
    try {
      if (Recursion.excluded(event.getLoggerName())) {
        s.excluded();
        return;
      }
      s.offer(LogbackEvents.snapshot(event));
    } catch (RuntimeException | LinkageError e) {
      addError("cannot queue a log event: " + e, e);
    }
  }

  /** Counters since start; all zero when not started. */
  public DeliveryStats stats() {
    LogShipper s = shipper;
    return s == null ? new DeliveryStats(0, 0, 0, 0, 0, 0, 0) : s.stats();
  }

  public void setServers(String servers) {
    this.servers = servers;
  }

  public void setStream(String stream) {
    this.stream = stream;
  }

  public void setTopicPrefix(String topicPrefix) {
    this.topicPrefix = topicPrefix;
  }

  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  /** {@code none}, {@code logger}, {@code thread}, {@code traceId} or {@code static:<value>}. */
  public void setKeying(String keying) {
    this.keying = keying;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  /** A static resource attribute, {@code key=value}; {@code <field>} may be repeated. */
  public void addField(String field) {
    fields.add(field);
  }

  /** A Kafka client setting, {@code key=value}; {@code <kafkaSetting>} may be repeated. */
  public void addKafkaSetting(String setting) {
    kafkaSettingEntries.add(setting);
  }

  /** Kafka client settings as a JSON object or {@code k=v;k=v}; {@code <kafkaSetting>} entries win. */
  public void setKafkaSettings(String kafkaSettings) {
    this.kafkaSettings = kafkaSettings;
  }

  /**
   * The transport instead of Kafka: a one-line YAML transport section such as {@code {type: http,
   * url: "http://ingress:8080"}}, or {@code @FILE} for the {@code transport:} section of a
   * configuration file. Default: kafka.
   */
  public void setTransport(String transport) {
    this.transport = transport;
  }

  public void setCloseTimeoutMillis(long closeTimeoutMillis) {
    this.closeTimeoutMillis = closeTimeoutMillis;
  }

  public void setDropBelowWarnFirst(boolean dropBelowWarnFirst) {
    this.dropBelowWarnFirst = dropBelowWarnFirst;
  }

  // ------------------------------------------------------------ fallback appenders

  /** Adds a fallback appender ({@code <appender-ref>} inside this appender). */
  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    fallbacks.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return fallbacks.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return fallbacks.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return fallbacks.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    fallbacks.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return fallbacks.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return fallbacks.detachAppender(name);
  }
}
