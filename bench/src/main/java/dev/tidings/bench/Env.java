package dev.tidings.bench;

import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** The cluster a comparison runs against, with the topic names and options both sides share. */
final class Env implements AutoCloseable {
  static final int PARTITIONS = 3;

  final String bootstrap;
  final Settings settings;
  private final String prefix;
  private final Admin admin;
  private final short replication;

  Env(String bootstrap, Settings settings) throws Exception {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + ".";
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(props);
    int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
    // What Tidings does for its own topics: min(brokers, 3).
    this.replication = (short) Math.min(brokers, 3);
  }

  /** Tidings options: the topics' prefix and partitions; every Kafka setting left at Tidings' defaults. */
  ApplicationOptions.Builder options() {
    ApplicationOptions.Builder options = ApplicationOptions.builder()
        .kafkaServers(bootstrap)
        .topicPrefix(prefix)
        .partitions(PARTITIONS)
        .shutdownTimeout(Duration.ofSeconds(10));
    // Experiments: -Dbench.producer.linger.ms=0, -Dbench.consumer.fetch.max.wait.ms=10, ... reach both sides,
    // since the raw clients take their configuration from these options too.
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("bench.producer.")) {
        options.producerSetting(name.substring("bench.producer.".length()), System.getProperty(name));
      } else if (name.startsWith("bench.consumer.")) {
        options.consumerSetting(name.substring("bench.consumer.".length()), System.getProperty(name));
      }
    }
    return options;
  }

  String topic(String stream) {
    return prefix + stream;
  }

  /** A router with the schemas of every shape. */
  static Router router() {
    Router router = new Router();
    for (Shape shape : Shape.values()) {
      router.schema(shape.definition());
    }
    return router;
  }

  /** {@link #router()} with the schemas' generated readers removed (checks kept). */
  static Router routerWithoutReaders() {
    Router router = new Router();
    for (Shape shape : Shape.values()) {
      router.schema(shape.definitionWithoutReader());
    }
    return router;
  }

  /** Creates {@code prefix + stream} as Tidings would (same partitions and replication). */
  String createTopic(String stream) throws Exception {
    return createTopic(stream, PARTITIONS);
  }

  /** Creates {@code prefix + stream} with {@code partitions} partitions. */
  String createTopic(String stream, int partitions) throws Exception {
    String topic = topic(stream);
    admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get(60, TimeUnit.SECONDS);
    return topic;
  }

  /**
   * Sends one record to each partition and waits for each: an idempotent producer's first batch to
   * a brand-new partition can otherwise be lost (KAFKA-15591). Returns the records sent.
   */
  static int warm(Producer<byte[], byte[]> producer, String topic, byte[] value)
      throws InterruptedException, ExecutionException, TimeoutException {
    for (int p = 0; p < PARTITIONS; p++) {
      producer.send(new ProducerRecord<>(topic, p, null, value)).get(60, TimeUnit.SECONDS);
    }
    return PARTITIONS;
  }

  /** The number of records the topic holds (the sum of its end offsets). */
  long records(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get(60, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(10));
  }
}
