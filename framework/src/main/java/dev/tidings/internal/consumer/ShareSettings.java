package dev.tidings.internal.consumer;

import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import dev.tidings.internal.kafka.ClientSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of a queue subscription's {@code KafkaShareConsumer}: the classic consumer's
 * (the user's consumer settings included), without the settings a share consumer refuses because
 * they belong to classic groups, and with explicit acknowledgement.
 */
final class ShareSettings {
  private static final Logger LOG = LoggerFactory.getLogger(ShareSettings.class);
  static final String ACKNOWLEDGEMENT_MODE = "share.acknowledgement.mode";
  static final String ACQUIRE_MODE = "share.acquire.mode";
  /** Records per poll unless the user sets max.poll.records: each consumer holds their locks until it handled them all. */
  static final int DEFAULT_MAX_POLL_RECORDS = 100;

  /** Settings of classic consumer groups that {@code KafkaShareConsumer} refuses. */
  static final List<String> CLASSIC_ONLY = List.of(
      ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
      ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
      ConsumerConfig.ISOLATION_LEVEL_CONFIG,
      ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
      ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
      ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
      ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
      ConsumerConfig.GROUP_PROTOCOL_CONFIG,
      ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);

  private ShareSettings() {}

  /**
   * @throws ConfigurationException when the user set an acknowledgement mode other than explicit
   */
  static Map<String, Object> consumer(ApplicationOptions options, String group) {
    Map<String, Object> config = ClientSettings.consumer(options, group);
    TreeSet<String> notApplied = new TreeSet<>();
    for (String key : CLASSIC_ONLY) {
      config.remove(key);
      if (userSet(options, key)) {
        notApplied.add(key);
      }
    }
    if (!notApplied.isEmpty()) {
      LOG.info("share group {}: the consumer settings {} apply to classic consumer groups only and are not given"
          + " to its share consumers (auto.offset.reset becomes the group's share.auto.offset.reset)", group,
          notApplied);
    }
    Object mode = config.get(ACKNOWLEDGEMENT_MODE);
    if (mode != null && !"explicit".equalsIgnoreCase(mode.toString())) {
      throw new ConfigurationException("Kafka setting " + ACKNOWLEDGEMENT_MODE + "=" + mode + " cannot be used by"
          + " share group " + group + ": Tidings acknowledges each record after its handler (explicit mode). Remove it.");
    }
    config.put(ACKNOWLEDGEMENT_MODE, "explicit");
    if (!userSet(options, ConsumerConfig.MAX_POLL_RECORDS_CONFIG)) {
      config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DEFAULT_MAX_POLL_RECORDS);
    }
    // At most max.poll.records per poll, so that a consumer never holds more locks than it asked for.
    config.putIfAbsent(ACQUIRE_MODE, "record_limit");
    return config;
  }

  /** The reset policy for new share-partitions: the user's auto.offset.reset, else earliest. */
  static String offsetReset(ApplicationOptions options) {
    Object value = options.consumerSettings().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    if (value == null) {
      value = options.kafkaSettings().get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    }
    return value == null ? "earliest" : value.toString();
  }

  private static boolean userSet(ApplicationOptions options, String key) {
    return options.consumerSettings().containsKey(key) || options.kafkaSettings().containsKey(key);
  }
}
