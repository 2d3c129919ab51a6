package dev.tidings.internal.kafka;

import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Builds the configuration of each Kafka client: Tidings' defaults, then the user's settings for
 * all clients, then the user's settings for that client. Every user setting reaches the client; a
 * setting that would break Tidings' guarantees is refused with an explanation instead of dropped.
 */
public final class ClientSettings {
  private ClientSettings() {}

  /** Producer: idempotent, acks=all, an explicit linger.ms, byte-array serializers. */
  public static Map<String, Object> producer(ApplicationOptions options) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Kafka 4 changed the default from 0 to 5 ms; say it explicitly so it does not move again.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    merge(config, options, options.producerSettings());
    refuse(config, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "Tidings sends keys as bytes");
    refuse(config, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "Tidings sends envelopes as bytes");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  /** Consumer of one group: manual offset control by Tidings, earliest reset for new groups. */
  public static Map<String, Object> consumer(ApplicationOptions options, String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    // New topics matching a pattern are found on metadata refresh; 5 minutes (Kafka's default) is too slow.
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
    // A fetch that finds nothing new is parked by the broker this long, and no other fetch goes to that
    // broker meanwhile: Kafka's 500 ms stalls partitions that have records behind one that has none.
    // 100 ms bounds that stall at the cost of 10 instead of 2 empty fetches per second when idle.
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    merge(config, options, options.consumerSettings());
    refuse(config, ConsumerConfig.GROUP_ID_CONFIG, "the group comes from each subscription (@Subscribe(group=...))");
    refuse(config, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "Tidings reads keys as bytes");
    refuse(config, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "Tidings decodes envelopes itself");
    Object autoCommit = config.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
    if (autoCommit != null && Boolean.parseBoolean(autoCommit.toString())) {
      throw new ConfigurationException(
          "enable.auto.commit=true would commit records before their handlers finish and lose them on a"
              + " crash: remove it; Tidings commits handled offsets itself (choose the commit mode with"
              + " commitMode AUTO or MANUAL)");
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  /** Admin client. */
  public static Map<String, Object> admin(ApplicationOptions options) {
    Map<String, Object> config = new HashMap<>();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    merge(config, options, options.adminSettings());
    return config;
  }

  private static void merge(Map<String, Object> config, ApplicationOptions options, Map<String, Object> specific) {
    config.putAll(options.kafkaSettings());
    config.putAll(specific);
    config.put("bootstrap.servers", options.kafkaServers());
  }

  private static void refuse(Map<String, Object> config, String key, String why) {
    if (config.containsKey(key)) {
      throw new ConfigurationException(
          "Kafka setting " + key + "=" + config.get(key) + " cannot be changed: " + why + ". Remove it.");
    }
  }
}
