package dev.tidings.logging.internal;

import dev.tidings.ApplicationOptions;
import dev.tidings.config.TidingsConfig;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.Transports;
import java.nio.file.Path;
import java.util.Optional;
import dev.tidings.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The validated configuration of a {@link LogShipper}. Built by {@link Builder} from the raw values
 * a handler or appender was given, so that every problem is reported at once, naming the key in the
 * framework's own terms.
 */
public final class ShipperConfig {
  /** Default capacity of the queue, in events. */
  public static final int DEFAULT_QUEUE_SIZE = 8192;

  /** Default bound of a close, in milliseconds. */
  public static final long DEFAULT_CLOSE_TIMEOUT_MILLIS = 5000;

  /** Default interval between two reports of drops or failures. */
  static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(10);

  /**
   * Producer settings (passed as strings, which Kafka parses for every type) that keep a broken cluster from stalling the background thread and bound how
   * long a record may wait, applied unless the user sets them: a send waits at most {@code
   * max.block.ms} for metadata or buffer space, and a record fails after {@code delivery.timeout.ms}
   * instead of being retried for two minutes.
   */
  static final long MAX_BLOCK_MS = 5_000;

  static final long DELIVERY_TIMEOUT_MS = 30_000;
  static final long REQUEST_TIMEOUT_MS = 10_000;
  static final long DEFAULT_LINGER_MS = 5;

  private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

  private final String name;
  private final String stream;
  private final int queueSize;
  private final Keying keying;
  private final String serviceName;
  private final Map<String, String> attributes;
  private final Duration closeTimeout;
  private final boolean dropBelowWarnFirst;
  private final Duration reportInterval;
  private final ApplicationOptions options;

  private ShipperConfig(Builder b, Keying keying, Map<String, String> attributes, ApplicationOptions options) {
    this.name = b.name;
    this.stream = b.stream.trim();
    this.queueSize = b.queueSize;
    this.keying = keying;
    this.serviceName = blankToNull(b.serviceName) != null ? b.serviceName.trim() : blankToNull(System.getenv("OTEL_SERVICE_NAME"));
    this.attributes = Map.copyOf(attributes);
    this.closeTimeout = Duration.ofMillis(b.closeTimeoutMillis);
    this.dropBelowWarnFirst = b.dropBelowWarnFirst;
    this.reportInterval = b.reportInterval;
    this.options = options;
  }

  public static Builder builder(String name, UnaryOperator<String> keyName) {
    return new Builder(name, keyName);
  }

  /** The handler's name for messages, e.g. {@code KafkaAppender[KAFKA]}. */
  public String name() {
    return name;
  }

  public String stream() {
    return stream;
  }

  /** The full topic name. */
  public String topic() {
    return options.topicPrefix() + stream;
  }

  public int queueSize() {
    return queueSize;
  }

  public Keying keying() {
    return keying;
  }

  public String serviceName() {
    return serviceName;
  }

  public Map<String, String> attributes() {
    return attributes;
  }

  public Duration closeTimeout() {
    return closeTimeout;
  }

  public boolean dropBelowWarnFirst() {
    return dropBelowWarnFirst;
  }

  Duration reportInterval() {
    return reportInterval;
  }

  /** The part of {@link #closeTimeout()} kept for closing the producer: a quarter, 0.1 to 2 s. */
  Duration producerCloseTimeout() {
    return options.shutdownTimeout();
  }

  /** Where log records go, for messages: {@code Kafka at host:port} or {@code the http transport}. */
  public String target() {
    return options.transportConfig().filter(t -> !t.type().equals("kafka"))
        .map(t -> "the " + t.type() + " transport").orElse("Kafka at " + options.kafkaServers());
  }

  /** The options of the application the background thread creates. */
  public ApplicationOptions applicationOptions() {
    return options;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Collects raw values; {@link #problems()} validates them all, {@link #build()} returns the
   * configuration. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private final UnaryOperator<String> keyName;
    private final List<String> problems = new ArrayList<>();
    private String servers;
    private String stream;
    private String topicPrefix = "";
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private String keying = "none";
    private String serviceName;
    private final List<String> fields = new ArrayList<>();
    private String fieldsText;
    private String kafkaSettingsText;
    private final List<String> kafkaSettingEntries = new ArrayList<>();
    private long closeTimeoutMillis = DEFAULT_CLOSE_TIMEOUT_MILLIS;
    private boolean dropBelowWarnFirst;
    private Duration reportInterval = DEFAULT_REPORT_INTERVAL;
    private String transportText;

    private Builder(String name, UnaryOperator<String> keyName) {
      this.name = name;
      this.keyName = keyName;
    }

    public Builder servers(String servers) {
      this.servers = servers;
      return this;
    }

    public Builder stream(String stream) {
      this.stream = stream;
      return this;
    }

    public Builder topicPrefix(String topicPrefix) {
      this.topicPrefix = topicPrefix == null ? "" : topicPrefix.trim();
      return this;
    }

    public Builder queueSize(int queueSize) {
      this.queueSize = queueSize;
      return this;
    }

    public Builder keying(String keying) {
      this.keying = keying;
      return this;
    }

    public Builder serviceName(String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    /** Static fields as {@code k=v;k=v} or a JSON object. */
    public Builder fields(String text) {
      this.fieldsText = text;
      return this;
    }

    /** One static field, {@code key=value}. */
    public Builder field(String entry) {
      fields.add(entry);
      return this;
    }

    /** Kafka settings as a JSON object or {@code k=v;k=v}. */
    public Builder kafkaSettings(String text) {
      this.kafkaSettingsText = text;
      return this;
    }

    /** One Kafka setting, {@code key=value}; wins over {@link #kafkaSettings(String)}. */
    public Builder kafkaSetting(String entry) {
      kafkaSettingEntries.add(entry);
      return this;
    }

    /**
     * The transport: a YAML transport section on one line ({@code {type: http, url:
     * "http://ingress:8080"}}), or {@code @FILE} for the {@code transport:} section of a
     * configuration file. Default: kafka, with the servers and settings above.
     */
    public Builder transport(String text) {
      this.transportText = text;
      return this;
    }

    public Builder closeTimeoutMillis(long millis) {
      this.closeTimeoutMillis = millis;
      return this;
    }

    public Builder dropBelowWarnFirst(boolean drop) {
      this.dropBelowWarnFirst = drop;
      return this;
    }

    /** How often drops and failures are reported at most; default 10 s. */
    public Builder reportInterval(Duration interval) {
      this.reportInterval = interval;
      return this;
    }

    /** Records a problem found while reading raw values, e.g. a number that does not parse. */
    public Builder invalid(String key, String value, String expected) {
      problems.add(keyName.apply(key) + " is '" + value + "': " + expected);
      return this;
    }

    /**
     * The secrets among the Kafka settings given so far (those that parse), to mask the reports of this handler or
     * appender with.
     */
    public Secrets secrets() {
      Map<String, String> settings = new LinkedHashMap<>();
      try {
        settings.putAll(Settings.parse(kafkaSettingsText));
      } catch (IllegalArgumentException e) {
        // reported by problems(); the assignments in the text are still masked
      }
      for (String entry : kafkaSettingEntries) {
        try {
          Map.Entry<String, String> pair = Settings.pair(entry);
          settings.put(pair.getKey(), pair.getValue());
        } catch (IllegalArgumentException e) {
          // reported by problems()
        }
      }
      return Secrets.of(settings);
    }

    /** Every problem of the configuration, each naming its key and the fix; empty when valid. */
    public List<String> problems() {
      List<String> found = new ArrayList<>(problems);
      validate(found);
      return found;
    }

    /**
     * The configuration.
     *
     * @throws ConfigurationException listing every problem
     */
    public ShipperConfig build() {
      List<String> found = new ArrayList<>(problems);
      ShipperConfig config = validate(found);
      if (!found.isEmpty()) {
        throw new ConfigurationException(name + " is misconfigured: " + String.join("; ", found));
      }
      return config;
    }

    private ShipperConfig validate(List<String> found) {
      Map<String, String> settings = new LinkedHashMap<>();
      try {
        settings.putAll(Settings.parse(kafkaSettingsText));
      } catch (IllegalArgumentException e) {
        found.add(keyName.apply("kafkaSettings") + " " + e.getMessage());
      }
      for (String entry : kafkaSettingEntries) {
        try {
          Map.Entry<String, String> pair = Settings.pair(entry);
          settings.put(pair.getKey(), pair.getValue());
        } catch (IllegalArgumentException e) {
          found.add(keyName.apply("kafkaSetting") + " " + e.getMessage());
        }
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      try {
        attributes.putAll(Settings.parse(fieldsText));
      } catch (IllegalArgumentException e) {
        found.add(keyName.apply("fields") + " " + e.getMessage());
      }
      for (String entry : fields) {
        try {
          Map.Entry<String, String> pair = Settings.pair(entry);
          attributes.put(pair.getKey(), pair.getValue());
        } catch (IllegalArgumentException e) {
          // a field is no secret: show it whole
          found.add(keyName.apply("field") + " has '" + entry + "': write key=value");
        }
      }
      TransportConfig transport = null;
      if (transportText != null && !transportText.isBlank()) {
        try {
          transport = transportConfig(transportText.trim());
          if (!transport.type().equals("kafka")) {
            // checked now, so that a wrong transport keeps the handler from starting; the one used is created later
            Transports.create(transport).close();
          }
        } catch (ConfigurationException e) {
          found.add(keyName.apply("transport") + ": " + e.getMessage());
        }
      }
      boolean kafka = transport == null || transport.type().equals("kafka");
      boolean noServers = (servers == null || servers.isBlank()) && !settings.containsKey("bootstrap.servers");
      if (noServers && (kafka || transportText != null && transport == null)) {
        found.add(keyName.apply("servers") + " is not set: give host:port[,host:port] of your Kafka brokers");
      }
      if (stream == null || stream.isBlank()) {
        found.add(keyName.apply("stream") + " is not set: give the stream (topic name without prefix) to publish"
            + " log records to, e.g. logs");
      } else {
        checkStream(stream.trim(), found);
      }
      if (queueSize < 1) {
        found.add(keyName.apply("queueSize") + " is " + queueSize + ": use 1 or more (default "
            + DEFAULT_QUEUE_SIZE + ")");
      }
      if (closeTimeoutMillis < 1) {
        found.add(keyName.apply("closeTimeoutMillis") + " is " + closeTimeoutMillis
            + ": use a positive number of milliseconds (default " + DEFAULT_CLOSE_TIMEOUT_MILLIS + ")");
      }
      if (reportInterval == null || reportInterval.isNegative() || reportInterval.isZero()) {
        found.add("reportInterval is " + reportInterval + ": use a positive duration");
      }
      Keying parsedKeying = Keying.NONE;
      try {
        parsedKeying = Keying.parse(keying);
      } catch (IllegalArgumentException e) {
        found.add(keyName.apply("keying") + " " + e.getMessage());
      }
      for (String fixed : new String[] {"key.serializer", "value.serializer"}) {
        if (settings.containsKey(fixed)) {
          found.add(keyName.apply("kafkaSettings") + " sets " + fixed + ", which cannot be changed: log records"
              + " are sent as bytes. Remove it");
        }
      }
      checkTimeouts(settings, found);
      if (!found.isEmpty()) {
        return null;
      }
      ApplicationOptions options;
      try {
        options = options(settings, transport);
      } catch (ConfigurationException e) {
        found.add(e.getMessage());
        return null;
      }
      return new ShipperConfig(this, parsedKeying, attributes, options);
    }

    private void checkStream(String s, List<String> found) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!(c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
          found.add(keyName.apply("stream") + " '" + s + "' has '" + c + "', which Kafka does not allow in topic"
              + " names: use letters, digits, '.', '_' and '-'");
          return;
        }
      }
    }

    private void checkTimeouts(Map<String, String> settings, List<String> found) {
      try {
        long linger = number(settings, "linger.ms", DEFAULT_LINGER_MS);
        Long delivery = settings.containsKey("delivery.timeout.ms") ? number(settings, "delivery.timeout.ms", 0) : null;
        Long request = settings.containsKey("request.timeout.ms") ? number(settings, "request.timeout.ms", 0) : null;
        if (delivery != null && request != null && delivery < linger + request) {
          found.add(keyName.apply("kafkaSettings") + " has delivery.timeout.ms=" + delivery + ", less than linger.ms ("
              + linger + ") + request.timeout.ms (" + request + "): raise delivery.timeout.ms");
        } else if (delivery != null && request == null && delivery <= linger) {
          found.add(keyName.apply("kafkaSettings") + " has delivery.timeout.ms=" + delivery + ", not more than"
              + " linger.ms (" + linger + "): raise delivery.timeout.ms");
        }
      } catch (NumberFormatException e) {
        found.add(keyName.apply("kafkaSettings") + " " + e.getMessage());
      }
    }

    private static TransportConfig transportConfig(String text) {
      if (text.startsWith("@")) {
        TidingsConfig file = TidingsConfig.load(Optional.of(Path.of(text.substring(1).trim())), System.getenv());
        return TransportConfig.of(file.section("transport").orElseThrow(() -> new ConfigurationException(
            "the configuration file " + file.source() + " has no transport: section")));
      }
      return TransportConfig.parse(text);
    }

    private ApplicationOptions options(Map<String, String> settings, TransportConfig transport) {
      ApplicationOptions.Builder b = ApplicationOptions.builder()
          .kafkaServers(servers == null || servers.isBlank() ? null : servers.trim())
          .topicPrefix(topicPrefix)
          .kafkaSettings(settings);
      long linger = number(settings, "linger.ms", DEFAULT_LINGER_MS);
      long delivery = number(settings, "delivery.timeout.ms", DELIVERY_TIMEOUT_MS);
      // Our defaults go where the user said nothing; the user's settings reach the clients untouched.
      if (!settings.containsKey("max.block.ms")) {
        b.producerSetting("max.block.ms", Long.toString(MAX_BLOCK_MS));
      }
      if (!settings.containsKey("delivery.timeout.ms")) {
        b.producerSetting("delivery.timeout.ms", Long.toString(DELIVERY_TIMEOUT_MS));
      }
      if (!settings.containsKey("request.timeout.ms")) {
        long request = Math.min(REQUEST_TIMEOUT_MS, delivery - linger);
        b.producerSetting("request.timeout.ms", Long.toString(request));
        b.adminSetting("request.timeout.ms", Long.toString(request));
      }
      if (!settings.containsKey("default.api.timeout.ms")) {
        b.adminSetting("default.api.timeout.ms",
            Long.toString(Math.max(delivery, number(settings, "request.timeout.ms", 0))));
      }
      if (!settings.containsKey("client.id")) {
        String id = "tidings-logging-" + CLIENT_IDS.incrementAndGet();
        b.producerSetting("client.id", id);
        b.adminSetting("client.id", id + "-admin");
      }
      long closeMillis = Math.max(1, closeTimeoutMillis);
      Duration producerClose = Duration.ofMillis(Math.max(100, Math.min(2_000, closeMillis / 4)));
      if (transport != null) {
        b.transport(transport);
      }
      return b.shutdownTimeout(producerClose).publishTimeout(Duration.ofMillis(delivery)).build();
    }

    private static long number(Map<String, String> settings, String key, long fallback) {
      String v = settings.get(key);
      if (v == null) {
        return fallback;
      }
      try {
        return Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new NumberFormatException("has " + key + "=" + v + ": use a number of milliseconds");
      }
    }
  }
}
