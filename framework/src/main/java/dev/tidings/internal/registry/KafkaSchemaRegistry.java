package dev.tidings.internal.registry;

import dev.tidings.ApplicationOptions;
import dev.tidings.RegisteredSchema;
import dev.tidings.SchemaConflictException;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaRegistryTopic;
import dev.tidings.TidingsException;
import dev.tidings.internal.kafka.ClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** {@link SchemaRegistryTopic} on Kafka. Clients are created per call and closed before it returns. */
public final class KafkaSchemaRegistry implements SchemaRegistryTopic {
  private static final int MAX_DEFAULT_REPLICATION = 3;

  private final ApplicationOptions options;
  private final String topic;
  private final Clock clock;
  private volatile Map<String, RegisteredSchema> loaded = Map.of();

  public KafkaSchemaRegistry(ApplicationOptions options, String topic) {
    this(options, topic, Clock.systemUTC());
  }

  KafkaSchemaRegistry(ApplicationOptions options, String topic, Clock clock) {
    if (topic == null || topic.isBlank()) {
      throw new dev.tidings.ConfigurationException("the schema registry topic name is blank: name a topic,"
          + " e.g. " + SchemaRegistryTopic.topicFor(options.topicPrefix()));
    }
    this.options = options;
    this.topic = topic;
    this.clock = clock;
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public Optional<String> jsonSchema(String key) {
    RegisteredSchema entry = loaded.get(key);
    return entry == null ? Optional.empty() : Optional.of(entry.jsonSchema());
  }

  @Override
  public Map<String, RegisteredSchema> load(Duration timeout, Consumer<String> progress) {
    Map<String, RegisteredSchema> entries = RegistryReader.read(consumerConfig(), topic, options.kafkaServers(),
        timeout, progress);
    loaded = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(entries));
    return loaded;
  }

  @Override
  public Result register(Collection<? extends SchemaDefinition<?>> schemas, String application, Duration timeout,
      Consumer<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    createTopic(deadline);
    Map<String, RegisteredSchema> stored = load(remaining(deadline), progress);
    Map<String, String> missing = new java.util.TreeMap<>();
    List<String> unchanged = new ArrayList<>();
    for (SchemaDefinition<?> definition : schemas) {
      String canonical = Canonical.text(definition.jsonSchema());
      RegisteredSchema existing = stored.get(definition.key());
      if (existing == null) {
        missing.put(definition.key(), canonical);
      } else if (existing.jsonSchema().equals(canonical)) {
        unchanged.add(definition.key());
      } else {
        throw conflict(definition, canonical, existing, stored, schemas);
      }
    }
    write(missing, application, deadline);
    loaded = withWritten(stored, missing, application);
    return new Result(new ArrayList<>(missing.keySet()), unchanged);
  }

  private Map<String, RegisteredSchema> withWritten(Map<String, RegisteredSchema> stored, Map<String, String> written,
      String application) {
    Map<String, RegisteredSchema> all = new HashMap<>(stored);
    Instant now = clock.instant();
    written.forEach((key, schema) -> all.put(key, new RegisteredSchema(key, schema, application, now)));
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(all));
  }

  private SchemaConflictException conflict(SchemaDefinition<?> definition, String canonical, RegisteredSchema existing,
      Map<String, RegisteredSchema> stored, Collection<? extends SchemaDefinition<?>> schemas) {
    String pointer = Canonical.firstDifference(Canonical.tree(existing.jsonSchema()), Canonical.tree(canonical))
        .orElse("");
    int highest = definition.version();
    for (RegisteredSchema entry : stored.values()) {
      if (entry.id().equals(definition.id())) {
        highest = Math.max(highest, entry.version());
      }
    }
    for (SchemaDefinition<?> other : schemas) {
      if (other.id().equals(definition.id())) {
        highest = Math.max(highest, other.version());
      }
    }
    String suggested = definition.id() + ":" + (highest + 1);
    String message = "schema " + definition.key() + " (" + definition.type().getName() + ") differs from the one"
        + " registered in topic '" + topic + "' by " + existing.application() + " at " + existing.registeredAt()
        + ": first difference at " + (pointer.isEmpty() ? "the document root" : pointer) + " (registered: "
        + at(existing.jsonSchema(), pointer) + ", here: " + at(canonical, pointer) + "). A registered schema never"
        + " changes: bump the version to " + suggested + " (@Schema(version = " + (highest + 1) + "))";
    return new SchemaConflictException(message, definition.key(), pointer, suggested);
  }

  private static String at(String document, String pointer) {
    var node = Canonical.tree(document).at(pointer);
    if (node.isMissingNode()) {
      return "absent";
    }
    String text = Canonical.text(node);
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }

  private void createTopic(long deadline) {
    try (Admin admin = Admin.create(ClientSettings.admin(options))) {
      Optional<Short> replication = options.replicationFactor();
      short factor = replication.isPresent() ? replication.get()
          : (short) Math.min(MAX_DEFAULT_REPLICATION, admin.describeCluster().nodes()
              .get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS).size());
      NewTopic created = new NewTopic(topic, 1, factor)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(created)).all().get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new TidingsException("the schema registry topic '" + topic + "' could not be created on "
            + options.kafkaServers() + ": " + e.getCause() + " (create it with cleanup.policy=compact, or allow"
            + " this client to create topics)", e.getCause());
      }
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TidingsException("the schema registry topic '" + topic + "' could not be created on "
          + options.kafkaServers() + " in time: check that the cluster answers", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TidingsException("interrupted while creating the schema registry topic '" + topic + "'", e);
    }
  }

  private void write(Map<String, String> missing, String application, long deadline) {
    if (missing.isEmpty()) {
      return;
    }
    Map<String, Object> config = ClientSettings.producer(options);
    // One request in flight: the first batch to a brand-new topic must not be lost (KAFKA-15591).
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(remaining(deadline).toMillis(), 1_000));
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(remaining(deadline).toMillis() - 1, 999));
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    Instant now = clock.instant();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
      for (Map.Entry<String, String> e : missing.entrySet()) {
        byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, key, Entries.value(e.getValue(), application, now)))
            .get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException e) {
      throw new TidingsException("schemas " + missing.keySet() + " could not be written to the schema registry"
          + " topic '" + topic + "': " + e.getCause(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TidingsException("schemas " + missing.keySet() + " could not be written to the schema registry"
          + " topic '" + topic + "' in time: check that the cluster answers", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TidingsException("interrupted while writing to the schema registry topic '" + topic + "'", e);
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(options.kafkaSettings());
    config.putAll(options.consumerSettings());
    config.put("bootstrap.servers", options.kafkaServers());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return config;
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  @Override
  public void close() {
    // clients live only inside each call
  }
}
