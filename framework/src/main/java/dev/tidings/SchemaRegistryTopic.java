package dev.tidings;

import dev.tidings.internal.registry.KafkaSchemaRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The schema registry topic of a Kafka cluster: a compacted topic (default {@code
 * <prefix>_tidings_schemas}) keyed by {@code id:version}, whose values are JSON objects {@code
 * {"schema": <canonical JSON Schema>, "application": "...", "registeredAt": "<ISO-8601>"}}. Schemas
 * are immutable once registered: {@link #register} writes only missing keys and refuses a schema
 * that differs from the stored one. As a {@link SchemaSource} it resolves what the last {@link
 * #load} read.
 *
 * <pre>{@code
 * try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options, SchemaRegistryTopic.topicFor("shop."))) {
 *   SchemaRegistryTopic.Result result = registry.register(router.schemas().values(), "billing",
 *       Duration.ofSeconds(30), System.out::println);
 * }
 * }</pre>
 */
public interface SchemaRegistryTopic extends SchemaSource, AutoCloseable {
  /** The suffix of the default registry topic name. */
  String DEFAULT_SUFFIX = "_tidings_schemas";

  /** The default registry topic of a topic prefix: {@code prefix + "_tidings_schemas"}. */
  static String topicFor(String topicPrefix) {
    return (topicPrefix == null ? "" : topicPrefix) + DEFAULT_SUFFIX;
  }

  /**
   * Opens the registry {@code topic} on the cluster of {@code options} (servers and client
   * settings; the topic prefix is not applied to {@code topic}). Nothing is read until {@link
   * #load} or {@link #register}.
   */
  static SchemaRegistryTopic open(ApplicationOptions options, String topic) {
    return new KafkaSchemaRegistry(options, topic);
  }

  /** The topic name. */
  String topic();

  /**
   * Reads the whole topic, from the beginning to the end offsets found at the start, within
   * {@code timeout}; {@code progress} gets a line about once a second while reading. A topic that
   * does not exist yet reads as empty. Values that are not registry entries are skipped (logged).
   *
   * @return the entries by {@code id:version}, sorted by key
   * @throws TidingsException (fatal) when the topic cannot be read within {@code timeout}, naming
   *     the topic, the servers and how far the read came
   */
  Map<String, RegisteredSchema> load(Duration timeout, Consumer<String> progress);

  /**
   * Creates the topic when missing ({@code cleanup.policy=compact}), {@link #load reads} it, then
   * compares each schema with the stored one of the same {@code id:version}: equal canonical
   * documents are left alone, missing ones are written with {@code application} and the current
   * time.
   *
   * @throws SchemaConflictException (fatal) when a stored schema differs; nothing is written then
   * @throws TidingsException (fatal) when the registry cannot be read or written within {@code
   *     timeout}
   */
  Result register(Collection<? extends SchemaDefinition<?>> schemas, String application, Duration timeout,
      Consumer<String> progress);

  /** Closes the clients. */
  @Override
  void close();

  /**
   * What {@link #register} did.
   *
   * @param registered the keys written now
   * @param unchanged the keys that were already registered with the same schema
   */
  record Result(List<String> registered, List<String> unchanged) {
    public Result {
      registered = List.copyOf(registered);
      unchanged = List.copyOf(unchanged);
    }
  }
}
