package dev.tidings.internal;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.ConfigurationException;
import dev.tidings.DecodeException;
import dev.tidings.Health;
import dev.tidings.MessageContext;
import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import dev.tidings.ReplayFilter;
import dev.tidings.ReplayResult;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaValidationException;
import dev.tidings.Subscription;
import dev.tidings.internal.codec.CompiledSchema;
import dev.tidings.internal.codec.Envelope;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.codec.SchemaRegistry;
import dev.tidings.internal.consumer.DeadLetterReplayer;
import dev.tidings.internal.consumer.Runner;
import dev.tidings.internal.consumer.SubscriptionRunners;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.reply.Requester;
import dev.tidings.internal.kafka.TopicAdmin;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.Transports;
import dev.tidings.transport.internal.KafkaTransport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka-backed {@link Application}: wires the schema registry and codec, the publisher and
 * topic admin, and one {@link Runner} per subscription.
 */
public final class KafkaApplication implements Application {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaApplication.class);

  private final ApplicationOptions options;
  private final SchemaRegistry registry = new SchemaRegistry();
  private final EnvelopeCodec codec = new EnvelopeCodec(registry);
  private final TopicAdmin topics;
  private final Publisher publisher;
  /** Where publishes go; dead letters and replays always go to Kafka through {@link #publisher}. */
  private final Transport transport;
  /** {@link #transport} when it is a Kafka transport: the application hands it Kafka headers as they are. */
  private final KafkaTransport kafka;
  private final boolean ownsTransport;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<Runner> runners = new ArrayList<>();
  private final List<Consumer<Application>> startHooks = new ArrayList<>();
  private final List<Consumer<Application>> stopHooks = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tidings-retry-timer");
    t.setDaemon(true);
    return t;
  });
  private final Clock clock;
  private final Requester requester;
  private volatile boolean started;
  private volatile boolean closed;
  private boolean closeStarted;

  public KafkaApplication(ApplicationOptions options) {
    this(options, Clock.systemUTC());
  }

  public KafkaApplication(ApplicationOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.topics = new TopicAdmin(options);
    this.publisher = new Publisher(options, topics);
    if (options.transport().isPresent()) {
      this.transport = options.transport().get();
      this.ownsTransport = false;
    } else {
      TransportConfig config = options.transportConfig().orElseGet(() -> TransportConfig.parse("type: kafka"));
      this.transport = Transports.create(config.withApplication(options).withShared(Publisher.class, publisher));
      this.ownsTransport = true;
    }
    this.kafka = transport instanceof KafkaTransport k ? k : null;
    this.requester = new Requester(options, publisher, topics, codec, this, timer);
  }

  @Override
  public synchronized Application mount(Router router) {
    if (started) {
      throw new ConfigurationException("mount(router) after start(): mount every router before starting");
    }
    router.schemas().values().forEach(registry::register);
    for (Subscription s : router.subscriptions()) {
      if (subscriptions.contains(s)) {
        continue;
      }
      for (Subscription existing : subscriptions) {
        if (existing.group().equals(s.group())) {
          throw new ConfigurationException("group " + s.group() + " subscribes to " + existing + " and to " + s
              + ": one group has one subscription; use another group name");
        }
      }
      subscriptions.add(s);
    }
    startHooks.addAll(router.startHooks());
    stopHooks.addAll(router.stopHooks());
    return this;
  }

  @Override
  public synchronized Application start() {
    if (started) {
      return this;
    }
    checkOpen();
    if (options.kafkaServers() == null) {
      if (!subscriptions.isEmpty()) {
        throw new ConfigurationException("the application has " + subscriptions.size() + " subscription(s) but no"
            + " Kafka servers (it publishes through the " + transport.type() + " transport): set kafkaServers to"
            + " consume");
      }
      started = true;
      startHooks.forEach(hook -> hook.accept(this));
      return this;
    }
    SubscriptionOverrides.apply(options.subscriptionSettings(), subscriptions);
    List<Runner> created = new ArrayList<>();
    for (Subscription s : subscriptions) {
      created.add(SubscriptionRunners.create(
          s, options, codec, publisher, this, this::publishWithHeaders, timer, clock));
    }
    for (SchemaDefinition<?> schema : registry.definitions().values()) {
      for (String stream : schema.streams()) {
        topics.ensureNow(topic(stream), schema.retention().orElse(null), options.publishTimeout());
      }
    }
    started = true;
    runners.addAll(created);
    created.forEach(Runner::start);
    LOG.info("started {} subscription(s) with {}", runners.size(), options);
    for (Consumer<Application> hook : startHooks) {
      hook.accept(this);
    }
    return this;
  }

  @Override
  public CompletableFuture<PublishResult> publish(
      String stream, Record record, byte[] key, Map<String, String> headers) {
    return publishWithHeaders(stream, record, key, headers(headers));
  }

  private CompletableFuture<PublishResult> publishWithHeaders(
      String stream, Record record, byte[] key, List<Header> headers) {
    checkOpen();
    checkStream(stream);
    CompiledSchema schema = registry.byType(record.getClass());
    byte[] value = codec.encode(stream, schema, record, options.validateOnPublish());
    return send(stream, schema.definition().retention().orElse(null), key, value, headers);
  }

  private CompletableFuture<PublishResult> send(
      String stream, Duration retention, byte[] key, byte[] value, List<Header> headers) {
    if (kafka != null) {
      return kafka.publish(stream, retention, key, value, headers);
    }
    return TransportSend.send(transport, options.telemetry(),
        new OutgoingMessage(stream, key, TransportSend.headers(headers), value, retention));
  }

  @Override
  public PublishResult publishAndWait(String stream, Record record) {
    return await(publish(stream, record), stream);
  }

  private PublishResult await(CompletableFuture<PublishResult> future, String stream) {
    Duration timeout = options.publishTimeout();
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while publishing to " + stream, true, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PublishException p) {
        throw p;
      }
      throw new PublishException("publishing to " + stream + " failed: " + e.getCause(), false, e.getCause());
    } catch (TimeoutException e) {
      throw new PublishException("publishing to " + stream + " got no answer within " + timeout
          + (kafka != null ? ": is Kafka at " + options.kafkaServers() + " reachable?"
              : " through the " + transport.type() + " transport: is its target reachable?"), true, e);
    }
  }

  @Override
  public CompletableFuture<PublishResult> publishEnvelope(
      String stream, byte[] envelope, byte[] key, Map<String, String> headers) {
    return publishEnvelope(stream, envelope, key, headers(headers));
  }

  /**
   * As {@link #publishEnvelope(String, byte[], byte[], Map)} with headers as raw bytes, e.g. a line
   * of the file transport published again ({@code worker publish --from}).
   */
  public CompletableFuture<PublishResult> publishEnvelope(OutgoingMessage message) {
    List<Header> headers = new ArrayList<>(message.headers().size());
    message.headers().forEach(h -> headers.add(new RecordHeader(h.name(), h.value())));
    return publishEnvelope(message.stream(), message.envelope(), message.key(), headers);
  }

  private CompletableFuture<PublishResult> publishEnvelope(
      String stream, byte[] envelope, byte[] key, List<Header> headers) {
    checkOpen();
    checkStream(stream);
    return send(stream, retentionOf(envelope), key, checkedEnvelope(stream, envelope), headers);
  }

  private Duration retentionOf(byte[] envelope) {
    CompiledSchema schema = registry.byKey(codec.parse(envelope).schemaKey());
    return schema == null ? null : schema.definition().retention().orElse(null);
  }

  /** The compact envelope of {@code envelope} once its schema is known and its data valid. */
  private byte[] checkedEnvelope(String stream, byte[] envelope) {
    Envelope parsed = codec.parse(envelope);
    CompiledSchema schema = registry.byKey(parsed.schemaKey());
    if (schema == null) {
      throw new DecodeException(DecodeException.Reason.UNKNOWN_SCHEMA, "schema '" + parsed.schemaKey()
          + "' is not registered in this application; known: " + registry.definitions().keySet());
    }
    List<SchemaValidationException.Violation> violations = schema.validate(parsed.data());
    if (!violations.isEmpty()) {
      throw EnvelopeCodec.validationFailure(stream, parsed.schemaKey(), violations);
    }
    return codec.write(parsed.schemaKey(), parsed.data());
  }

  private static List<Header> headers(Map<String, String> headers) {
    List<Header> list = new ArrayList<>(headers.size());
    headers.forEach((k, v) -> list.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
    return list;
  }

  @Override
  public CompletableFuture<PublishResult> rawPublish(
      String stream, byte[] key, byte[] value, Map<String, String> headers) {
    checkOpen();
    checkStream(stream);
    return send(stream, null, key, value, headers(headers));
  }

  @Override
  public <R extends Record> CompletableFuture<R> request(
      String stream, Record request, byte[] key, Class<R> replyType, Duration timeout) {
    java.util.Objects.requireNonNull(replyType, "replyType");
    return requestContext(stream, request, key, timeout).thenApply(reply -> requester.bind(reply, replyType));
  }

  @Override
  public CompletableFuture<MessageContext> requestContext(
      String stream, Record request, byte[] key, Duration timeout) {
    checkOpen();
    checkStream(stream);
    CompiledSchema schema = registry.byType(request.getClass());
    byte[] value = codec.encode(stream, schema, request, options.validateOnPublish());
    return requester.request(stream, key, value, Map.of(), timeout);
  }

  @Override
  public CompletableFuture<MessageContext> requestEnvelope(
      String stream, byte[] envelope, Map<String, byte[]> headers, byte[] key, Duration timeout) {
    checkOpen();
    checkStream(stream);
    return requester.request(stream, key, checkedEnvelope(stream, envelope), headers, timeout);
  }

  /** The stream this instance's replies arrive on. */
  public String replyStream() {
    return requester.replyStream();
  }

  /** Requests waiting for their replies now. */
  public int pendingRequests() {
    return requester.pending();
  }

  @Override
  public ReplayResult replayDeadLetters(String deadLetterStream, ReplayFilter filter, Duration timeout) {
    checkOpen();
    checkStream(deadLetterStream);
    return new DeadLetterReplayer(options, publisher).replay(deadLetterStream, filter, timeout);
  }

  @Override
  public void flush() {
    transport.flush(options.publishTimeout());
    publisher.flush();
  }

  @Override
  public void refreshTopics() {
    publisher.refresh();
  }

  @Override
  public SchemaDefinition<?> schema(String key) {
    CompiledSchema schema = registry.byKey(key);
    return schema == null ? null : schema.definition();
  }

  @Override
  public Map<String, SchemaDefinition<?>> schemas() {
    return registry.definitions();
  }

  @Override
  public ApplicationOptions options() {
    return options;
  }

  /** The transport publishes go through. */
  public Transport transport() {
    return transport;
  }

  /** The codec, for tools built on the application (the worker's publish command, the ingress). */
  public EnvelopeCodec codec() {
    return codec;
  }

  @Override
  public Health health() {
    List<Health.SubscriptionHealth> states = new ArrayList<>();
    boolean ready = started && !closed;
    synchronized (this) {
      for (Runner runner : runners) {
        Health.SubscriptionHealth h = runner.health();
        states.add(h);
        ready &= h.state() == Health.State.RUNNING;
      }
    }
    return new Health(!closed, ready, states);
  }

  @Override
  public void close() {
    List<Runner> toStop;
    synchronized (this) {
      if (closed || closeStarted) {
        return;
      }
      closeStarted = true;
      toStop = new ArrayList<>(runners);
    }
    for (Consumer<Application> hook : stopHooks) {
      try {
        hook.accept(this);
      } catch (RuntimeException e) {
        LOG.warn("a stop hook failed; closing anyway", e);
      }
    }
    synchronized (this) {
      closed = true;
    }
    toStop.forEach(Runner::stop);
    long deadline = System.nanoTime() + options.shutdownTimeout().toNanos() + TimeUnit.SECONDS.toNanos(15);
    for (Runner runner : toStop) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!runner.awaitStop(Duration.ofNanos(left))) {
          LOG.warn("a subscription did not stop within the shutdown timeout: {}", runner.health());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (ownsTransport) {
      transport.close();
    } else {
      transport.flush(options.shutdownTimeout());
    }
    requester.close();
    publisher.close();
    topics.close();
    timer.shutdownNow();
    LOG.info("closed");
  }

  private String topic(String stream) {
    return options.topicPrefix() + stream;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the application is closed");
    }
  }

  private static void checkStream(String stream) {
    if (stream == null || stream.isEmpty()) {
      throw new ConfigurationException("stream is empty: pass a stream name such as 'orders'");
    }
    for (int i = 0; i < stream.length(); i++) {
      char c = stream.charAt(i);
      if (!(c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
        throw new ConfigurationException("stream '" + stream + "' has '" + c
            + "', which Kafka does not allow in topic names: use letters, digits, '.', '_' and '-'");
      }
    }
  }
}
