package dev.tidings;

import dev.tidings.config.TidingsConfig;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an {@link Application} is configured with, immutable and validated once by {@link
 * Builder#build()}. Kafka client settings are passed to the clients untouched; Tidings only adds
 * defaults for the settings a user did not give.
 */
public final class ApplicationOptions {
  private final String kafkaServers;
  private final String topicPrefix;
  private final Map<String, Object> kafkaSettings;
  private final Map<String, Object> producerSettings;
  private final Map<String, Object> consumerSettings;
  private final Map<String, Object> adminSettings;
  private final Short replicationFactor;
  private final Integer partitions;
  private final CommitMode commitMode;
  private final Duration commitInterval;
  private final Duration shutdownTimeout;
  private final Duration publishTimeout;
  private final boolean validateOnPublish;
  private final Telemetry telemetry;
  private final Map<String, Map<String, String>> subscriptionSettings;
  private final Transport transport;
  private final TransportConfig transportConfig;
  private final int maxPendingRequests;
  private final String replyStream;
  private final boolean exactGroupIds;

  private ApplicationOptions(Builder b) {
    this.exactGroupIds = b.exactGroupIds;
    this.kafkaServers = b.kafkaServers;
    this.topicPrefix = b.topicPrefix;
    this.kafkaSettings = Map.copyOf(b.kafkaSettings);
    this.producerSettings = Map.copyOf(b.producerSettings);
    this.consumerSettings = Map.copyOf(b.consumerSettings);
    this.adminSettings = Map.copyOf(b.adminSettings);
    this.replicationFactor = b.replicationFactor;
    this.partitions = b.partitions;
    this.commitMode = b.commitMode;
    this.commitInterval = b.commitInterval;
    this.shutdownTimeout = b.shutdownTimeout;
    this.publishTimeout = b.publishTimeout;
    this.validateOnPublish = b.validateOnPublish;
    this.telemetry = b.telemetry;
    Map<String, Map<String, String>> subs = new LinkedHashMap<>();
    b.subscriptionSettings.forEach((group, settings) -> subs.put(group, Map.copyOf(settings)));
    this.subscriptionSettings = Map.copyOf(subs);
    this.transport = b.transport;
    this.transportConfig = b.transportConfig;
    this.maxPendingRequests = b.maxPendingRequests;
    this.replyStream = b.replyStream;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this object's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.kafkaServers = kafkaServers;
    b.topicPrefix = topicPrefix;
    b.kafkaSettings.putAll(kafkaSettings);
    b.producerSettings.putAll(producerSettings);
    b.consumerSettings.putAll(consumerSettings);
    b.adminSettings.putAll(adminSettings);
    b.replicationFactor = replicationFactor;
    b.partitions = partitions;
    b.commitMode = commitMode;
    b.commitInterval = commitInterval;
    b.shutdownTimeout = shutdownTimeout;
    b.publishTimeout = publishTimeout;
    b.validateOnPublish = validateOnPublish;
    b.telemetry = telemetry;
    b.exactGroupIds = exactGroupIds;
    subscriptionSettings.forEach((group, settings) -> b.subscriptionSettings.put(group, new LinkedHashMap<>(settings)));
    b.transport = transport;
    b.transportConfig = transportConfig;
    b.maxPendingRequests = maxPendingRequests;
    b.replyStream = replyStream;
    return b;
  }

  /**
   * {@code bootstrap.servers}: {@code host:port[,host:port...]}; {@code null} only for an
   * application that publishes through a transport other than kafka and has no Kafka at all (it
   * cannot subscribe).
   */
  public String kafkaServers() {
    return kafkaServers;
  }

  /** Prepended to every stream name to form the topic name; default empty. */
  public String topicPrefix() {
    return topicPrefix;
  }

  /**
   * Whether consumer group ids are used exactly as subscriptions name them; by default ({@code
   * false}) they are prefixed with {@link #topicPrefix()} like topics, so that environments sharing
   * a cluster with different prefixes never share a group.
   */
  public boolean exactGroupIds() {
    return exactGroupIds;
  }

  /**
   * The Kafka consumer group id of the subscription group {@code group}: {@code topicPrefix + group},
   * or {@code group} itself with {@link #exactGroupIds()}.
   */
  public String groupId(String group) {
    return exactGroupIds ? group : topicPrefix + group;
  }

  /** Settings for every Kafka client (producer, consumer and admin). */
  public Map<String, Object> kafkaSettings() {
    return kafkaSettings;
  }

  /** Producer-only settings; they win over {@link #kafkaSettings()}. */
  public Map<String, Object> producerSettings() {
    return producerSettings;
  }

  /** Consumer-only settings; they win over {@link #kafkaSettings()}. */
  public Map<String, Object> consumerSettings() {
    return consumerSettings;
  }

  /** Admin-only settings; they win over {@link #kafkaSettings()}. */
  public Map<String, Object> adminSettings() {
    return adminSettings;
  }

  /** Replication factor of created topics; empty means {@code min(brokers, 3)}. */
  public Optional<Short> replicationFactor() {
    return Optional.ofNullable(replicationFactor);
  }

  /** Partitions of created topics; empty means the broker's {@code num.partitions}. */
  public Optional<Integer> partitions() {
    return Optional.ofNullable(partitions);
  }

  public CommitMode commitMode() {
    return commitMode;
  }

  /** How often handled offsets are committed; default 1 s. */
  public Duration commitInterval() {
    return commitInterval;
  }

  /** How long {@link Application#close()} waits for in-flight records; default 30 s. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** How long {@code publishAndWait} waits for the broker; default 30 s. */
  public Duration publishTimeout() {
    return publishTimeout;
  }

  /** Whether {@code publish} validates data against its schema; default {@code true}. */
  public boolean validateOnPublish() {
    return validateOnPublish;
  }

  public Telemetry telemetry() {
    return telemetry;
  }

  /**
   * Settings that override what the code declares for a subscription, by group: {@code
   * onFailure}, {@code maxAttempts}, {@code concurrency}, {@code ordering}, {@code timeoutMillis},
   * {@code batchSize}, {@code maxInFlight}, {@code backoffMillis} ({@code initial} or {@code
   * initial..max}) and {@code deadLetterStream}.
   */
  public Map<String, Map<String, String>> subscriptionSettings() {
    return subscriptionSettings;
  }

  /**
   * The transport instance published through, if one was given with {@link
   * Builder#transport(Transport)}. The application does not close it.
   */
  public Optional<Transport> transport() {
    return Optional.ofNullable(transport);
  }

  /**
   * The configuration the application builds its transport from, if one was given; without
   * either, the application publishes to Kafka with its own producer ({@code type: kafka}).
   */
  public Optional<TransportConfig> transportConfig() {
    return Optional.ofNullable(transportConfig);
  }

  /**
   * Requests ({@code Application.request}) waiting for their reply at the same time; over it a
   * request fails at once with {@link RequestRejectedException}. Default 10,000.
   */
  public int maxPendingRequests() {
    return maxPendingRequests;
  }

  /**
   * The stream this application instance reads its replies from; empty means {@code
   * tidings.replies.<random id>}, a new stream per start. Give each instance a stable name (e.g.
   * from its host or pod name) so that restarts reuse one topic.
   */
  public Optional<String> replyStream() {
    return Optional.ofNullable(replyStream);
  }

  @Override
  public String toString() {
    return "ApplicationOptions[kafkaServers=" + kafkaServers + ", topicPrefix=" + topicPrefix
        + ", exactGroupIds=" + exactGroupIds + ", commitMode=" + commitMode + ", partitions=" + partitions
        + ", replicationFactor=" + replicationFactor
        + (transport != null ? ", transport=" + transport.type()
            : transportConfig != null ? ", transport=" + transportConfig.type() : "") + "]";
  }

  /** Builds {@link ApplicationOptions}; {@link #build()} validates every value. */
  public static final class Builder {
    private String kafkaServers;
    private String topicPrefix = "";
    private final Map<String, Object> kafkaSettings = new LinkedHashMap<>();
    private final Map<String, Object> producerSettings = new LinkedHashMap<>();
    private final Map<String, Object> consumerSettings = new LinkedHashMap<>();
    private final Map<String, Object> adminSettings = new LinkedHashMap<>();
    private Short replicationFactor;
    private Integer partitions;
    private CommitMode commitMode = CommitMode.AUTO;
    private Duration commitInterval = Duration.ofSeconds(1);
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private Duration publishTimeout = Duration.ofSeconds(30);
    private boolean validateOnPublish = true;
    private Telemetry telemetry = Telemetry.NONE;
    private final Map<String, Map<String, String>> subscriptionSettings = new LinkedHashMap<>();
    private Transport transport;
    private TransportConfig transportConfig;
    private int maxPendingRequests = 10_000;
    private String replyStream;
    private boolean exactGroupIds;

    private Builder() {}

    /** Requests waiting for a reply at the same time before {@code request} fails fast; >= 1. */
    public Builder maxPendingRequests(int requests) {
      this.maxPendingRequests = requests;
      return this;
    }

    /** The stream replies to this instance's requests go to; {@code null} for a random one. */
    public Builder replyStream(String stream) {
      this.replyStream = stream;
      return this;
    }

    /**
     * Publishes through {@code transport} (validation still happens first). The caller owns it:
     * the application flushes it on {@link Application#close()} but does not close it. Replaces a
     * transport configuration.
     */
    public Builder transport(Transport transport) {
      this.transport = transport;
      this.transportConfig = null;
      return this;
    }

    /**
     * Publishes through a transport built from {@code config} when the application is created
     * (and closed with it), e.g. {@code TransportConfig.parse("type: file\npath: out.jsonl")}.
     * Replaces a transport instance.
     */
    public Builder transport(TransportConfig config) {
      this.transportConfig = config;
      this.transport = null;
      return this;
    }

    /**
     * Takes the {@code transport:} section of a configuration file, when it has one (see {@link
     * #transport(TransportConfig)}).
     */
    public Builder config(TidingsConfig config) {
      config.section("transport").ifPresent(section -> transport(TransportConfig.of(section)));
      return this;
    }

    /**
     * {@code true} uses each subscription's group as the Kafka group id as it is; by default the
     * group id is {@code topicPrefix + group}. Use it to keep the groups (and committed offsets) of
     * a deployment that ran with a topic prefix before group ids were prefixed.
     */
    public Builder exactGroupIds(boolean exact) {
      this.exactGroupIds = exact;
      return this;
    }

    /**
     * Overrides a delivery setting of the subscription of {@code group}, e.g. {@code
     * subscriptionSetting("billing", "maxAttempts", "3")}; see {@link
     * ApplicationOptions#subscriptionSettings()} for the keys. Checked when the application starts.
     */
    public Builder subscriptionSetting(String group, String key, String value) {
      subscriptionSettings.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(key, value);
      return this;
    }

    public Builder kafkaServers(String servers) {
      this.kafkaServers = servers;
      return this;
    }

    public Builder topicPrefix(String prefix) {
      this.topicPrefix = prefix == null ? "" : prefix;
      return this;
    }

    /** Adds a setting for every client. */
    public Builder kafkaSetting(String key, Object value) {
      kafkaSettings.put(key, value);
      return this;
    }

    public Builder kafkaSettings(Map<String, ?> settings) {
      kafkaSettings.putAll(settings);
      return this;
    }

    public Builder producerSetting(String key, Object value) {
      producerSettings.put(key, value);
      return this;
    }

    public Builder consumerSetting(String key, Object value) {
      consumerSettings.put(key, value);
      return this;
    }

    public Builder adminSetting(String key, Object value) {
      adminSettings.put(key, value);
      return this;
    }

    /** Replication factor of created topics; {@code null} for {@code min(brokers, 3)}. */
    public Builder replicationFactor(Integer factor) {
      if (factor != null && (factor < 1 || factor > Short.MAX_VALUE)) {
        throw new ConfigurationException(
            "replicationFactor is " + factor + ": use a value from 1 to the number of brokers");
      }
      this.replicationFactor = factor == null ? null : factor.shortValue();
      return this;
    }

    /** Partitions of created topics; {@code null} for the broker default. */
    public Builder partitions(Integer partitions) {
      this.partitions = partitions;
      return this;
    }

    public Builder commitMode(CommitMode mode) {
      this.commitMode = mode;
      return this;
    }

    public Builder commitInterval(Duration interval) {
      this.commitInterval = interval;
      return this;
    }

    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = timeout;
      return this;
    }

    public Builder publishTimeout(Duration timeout) {
      this.publishTimeout = timeout;
      return this;
    }

    public Builder validateOnPublish(boolean validate) {
      this.validateOnPublish = validate;
      return this;
    }

    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = telemetry;
      return this;
    }

    /**
     * Validates and freezes the options.
     *
     * @throws ConfigurationException naming the first invalid setting and its bound
     */
    public ApplicationOptions build() {
      if (kafkaServers == null || kafkaServers.isBlank()) {
        Object fromSettings = kafkaSettings.get("bootstrap.servers");
        if (fromSettings != null) {
          kafkaServers = fromSettings.toString();
        } else if (publishesWithoutKafka()) {
          kafkaServers = null;
        } else {
          throw new ConfigurationException(
              "kafkaServers is not set: pass host:port[,host:port] of your Kafka brokers");
        }
      }
      for (String server : kafkaServers == null ? new String[0] : kafkaServers.split(",")) {
        String s = server.trim();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
          throw new ConfigurationException(
              "kafkaServers has '" + s + "': each server must be host:port, e.g. localhost:9092");
        }
      }
      if (!topicPrefix.chars().allMatch(Builder::topicChar)) {
        throw new ConfigurationException(
            "topicPrefix '" + topicPrefix + "' has characters Kafka does not allow in topic names:"
                + " use letters, digits, '.', '_' and '-'");
      }
      if (partitions != null && partitions < 1) {
        throw new ConfigurationException("partitions is " + partitions + ": use >= 1 (or leave unset)");
      }
      Objects.requireNonNull(commitMode, "commitMode");
      positive("commitInterval", commitInterval);
      positive("shutdownTimeout", shutdownTimeout);
      positive("publishTimeout", publishTimeout);
      Objects.requireNonNull(telemetry, "telemetry");
      if (maxPendingRequests < 1) {
        throw new ConfigurationException(
            "maxPendingRequests is " + maxPendingRequests + ": use >= 1 (default 10000)");
      }
      if (replyStream != null && (replyStream.isEmpty() || !replyStream.chars().allMatch(Builder::topicChar))) {
        throw new ConfigurationException("replyStream '" + replyStream + "' is not a stream name: use letters,"
            + " digits, '.', '_' and '-', or leave it unset for a random one");
      }
      return new ApplicationOptions(this);
    }

    /** A transport other than kafka: such an application may publish without Kafka servers (but not subscribe). */
    private boolean publishesWithoutKafka() {
      String type = transport != null ? transport.type()
          : transportConfig != null ? transportConfig.type() : "kafka";
      return !type.equals("kafka");
    }

    private static boolean topicChar(int c) {
      return Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-';
    }

    private static void positive(String name, Duration value) {
      if (value == null || value.isZero() || value.isNegative()) {
        throw new ConfigurationException(name + " is " + value + ": use a positive duration");
      }
    }
  }
}
