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

  /**
   * Sends {@code request} to {@code stream} and waits, without blocking, for the reply of a
   * subscription serving it ({@link Subscription#onRequest}, or a {@code @Subscribe} method that
   * returns a record). The request carries a new {@link RequestHeaders#CORRELATION_ID} and this
   * instance's reply stream ({@link ApplicationOptions#replyStream()}) in {@link
   * RequestHeaders#REPLY_TO}; the reply stream is created and read from its end on the first request.
   *
   * <pre>{@code
   * ExecutionResult result = app.request("executions", new ExecutionRequest("job-1", Operation.SUM, List.of(1.0, 2.0)),
   *     ExecutionResult.class, Duration.ofSeconds(30)).join();
   * }</pre>
   *
   * @return completes with the validated reply; fails with {@link RemoteFailureException} when the
   *     serving side answered with a {@link Failure}, {@link RequestTimeoutException} when no reply
   *     came within {@code timeout}, {@link RequestRejectedException} when {@link
   *     ApplicationOptions#maxPendingRequests()} requests already wait, {@link PublishException} when
   *     the request could not be stored, {@link DecodeException} when the reply is not a {@code
   *     replyType}
   * @throws SchemaValidationException (fatal) when the request violates its schema; nothing is sent
   */
  default <R extends Record> CompletableFuture<R> request(
      String stream, Record request, Class<R> replyType, java.time.Duration timeout) {
    return request(stream, request, null, replyType, timeout);
  }

  /** As {@link #request(String, Record, Class, java.time.Duration)}, with a key (may be {@code null}). */
  <R extends Record> CompletableFuture<R> request(
      String stream, Record request, byte[] key, Class<R> replyType, java.time.Duration timeout);

  /**
   * As {@link #request(String, Record, Class, java.time.Duration)}, completing with the reply as a
   * {@link MessageContext} (headers, key, topic, offset, the envelope); its {@code subscriber()} is
   * not available, as a reply is read outside any subscription.
   */
  CompletableFuture<MessageContext> requestContext(
      String stream, Record request, byte[] key, java.time.Duration timeout);

  /**
   * The request path for envelopes given as JSON bytes (the HTTP ingress, the {@code worker
   * request} command): the envelope is checked like {@link #publishEnvelope} (its schema must be
   * registered and its data valid), sent as a request with {@code headers} (raw bytes; a
   * correlation id or reply-to among them is replaced) and {@code key}, and the future completes
   * with the reply, whatever its schema, or fails as {@link #request(String, Record, Class,
   * java.time.Duration)} does.
   *
   * @throws DecodeException (fatal) when the bytes are not an envelope of a registered schema
   * @throws SchemaValidationException (fatal) when {@code data} violates the schema
   */
  CompletableFuture<MessageContext> requestEnvelope(
      String stream, byte[] envelope, Map<String, byte[]> headers, byte[] key, java.time.Duration timeout);

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
