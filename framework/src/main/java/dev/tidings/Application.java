package dev.tidings;

import dev.tidings.internal.KafkaApplication;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Tidings application: it publishes validated envelopes and runs the subscriptions of the routers
 * mounted on it.
 *
 * <pre>{@code
 * try (Application app = Application.create(ApplicationOptions.builder()
 *         .kafkaServers("localhost:9092").topicPrefix("shop.").build())) {
 *   app.mount(Router.discover()).start();
 *   app.publish("orders", new OrderCreated("o-1", 2)).join();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the subscriptions gracefully (in-flight records finish,
 * offsets are committed, the group is left) within {@link ApplicationOptions#shutdownTimeout()}.
 */
public interface Application extends AutoCloseable {

  /** An application on Kafka with these options. Nothing connects until first use. */
  static Application create(ApplicationOptions options) {
    return new KafkaApplication(options);
  }

  /**
   * Adds a router's schemas and subscriptions. Subscriptions start with {@link #start()}.
   *
   * @throws ConfigurationException when a schema or group conflicts with one already mounted, or
   *     when the application has started
   */
  Application mount(Router router);

  /**
   * Starts every subscription (each on its own consumer thread) and creates the streams that
   * schemas declare. Returns without waiting for group membership; see {@link #health()}.
   *
   * @throws ConfigurationException when a handler's record type has no registered schema
   */
  Application start();

  /**
   * Validates {@code record} against its schema, wraps it in an envelope and sends it to the topic
   * {@code prefix + stream}, creating the topic on first use.
   *
   * <p>Like Kafka's {@code send()}, this may block the calling thread, up to the producer's {@code
   * max.block.ms} (60 s unless set with {@code producerSetting}), while the cluster is unreachable
   * and the topic's metadata is unknown, or while the producer's buffer is full.
   *
   * @return completes when the broker has stored the message; fails with {@link PublishException}
   * @throws SchemaValidationException (fatal) when the record violates its schema; nothing is sent
   * @throws ConfigurationException (fatal) when the record's class has no registered schema
   */
  default CompletableFuture<PublishResult> publish(String stream, Record record) {
    return publish(stream, record, null, Map.of());
  }

  /** As {@link #publish(String, Record)}, with a key (may be {@code null}). */
  default CompletableFuture<PublishResult> publish(String stream, Record record, byte[] key) {
    return publish(stream, record, key, Map.of());
  }

  /** As {@link #publish(String, Record)}, with a key (may be {@code null}) and headers. */
  CompletableFuture<PublishResult> publish(
      String stream, Record record, byte[] key, Map<String, String> headers);

  /**
   * Publishes and waits for the broker, at most {@link ApplicationOptions#publishTimeout()}.
   *
   * @throws PublishException when the broker did not store it in time; {@link
   *     PublishException#isRetriable()} tells whether to try again
   */
  PublishResult publishAndWait(String stream, Record record);

  /**
   * Publishes an envelope given as JSON bytes (from the command line, HTTP or another system): it
   * is parsed, its {@code data} is validated against the registered schema it names, and the
   * compact envelope is sent.
   *
   * @throws DecodeException (fatal) when the bytes are not JSON, not an envelope, or name a schema
   *     this application does not know
   * @throws SchemaValidationException (fatal) when {@code data} violates the schema
   */
  CompletableFuture<PublishResult> publishEnvelope(
      String stream, byte[] envelope, byte[] key, Map<String, String> headers);

  /** Sends bytes as they are (no envelope, no validation). */
  default CompletableFuture<PublishResult> rawPublish(String stream, byte[] value) {
    return rawPublish(stream, null, value, Map.of());
  }

  /** Sends bytes as they are, with a key and headers. */
  CompletableFuture<PublishResult> rawPublish(
      String stream, byte[] key, byte[] value, Map<String, String> headers);

  /**
   * Republishes the dead letters of {@code deadLetterStream} (e.g. {@code orders.dlt}) that match
   * {@code filter} to the topics they came from, with their original key, value and headers (the
   * {@code tidings.dlt.*} headers removed, {@code tidings.replayed-from} added), so that a fixed
   * consumer handles them again. Reads the stream from the filter's first offset up to its end at the
   * time of the call; dead letters stay in their stream, so replaying twice republishes twice.
   *
   * @throws PublishException when Kafka does not answer within {@code timeout}
   */
  ReplayResult replayDeadLetters(String deadLetterStream, ReplayFilter filter, java.time.Duration timeout);

  /** Blocks until every message published so far has been answered by the broker. */
  void flush();

  /** Forgets which topics are known to exist, so the next publish checks again. */
  void refreshTopics();

  /** The schema registered for {@code id:version}, if any. */
  SchemaDefinition<?> schema(String key);

  /** Every registered schema by {@code id:version}. */
  Map<String, SchemaDefinition<?>> schemas();

  /** The options this application runs with. */
  ApplicationOptions options();

  /** Health of the producer and each subscription, for probes. */
  Health health();

  /**
   * Stops every subscription gracefully and closes the clients, waiting at most {@link
   * ApplicationOptions#shutdownTimeout()}. Idempotent.
   */
  @Override
  void close();
}
