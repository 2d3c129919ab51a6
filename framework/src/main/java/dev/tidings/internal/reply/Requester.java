package dev.tidings.internal.reply;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.DecodeException;
import dev.tidings.Failure;
import dev.tidings.MessageContext;
import dev.tidings.RemoteFailureException;
import dev.tidings.RequestHeaders;
import dev.tidings.internal.codec.Envelope;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.codec.Json;
import dev.tidings.internal.kafka.ClientSettings;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.kafka.TopicAdmin;
import dev.tidings.internal.tracing.MessagingSpans;
import dev.tidings.internal.tracing.TraceScope;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends requests and matches their replies: each request gets a fresh correlation id and this
 * instance's reply stream in its headers, and the {@code traceparent} of its request span (without
 * tracing: a new one unless it has one); the reply stream's topic is created (retention 1 hour) and
 * read from its end on the first request.
 */
public final class Requester implements AutoCloseable {
  /** Replies are only useful for as long as someone waits; an hour leaves room to debug. */
  static final Duration REPLY_RETENTION = Duration.ofHours(1);

  private final ApplicationOptions options;
  private final Publisher publisher;
  private final TopicAdmin topics;
  private final EnvelopeCodec codec;
  private final Application application;
  private final PendingRequests pending;
  private final String replyStream;
  private final Tracing tracing = Tracing.get();
  private ReplyListener listener;
  private boolean closed;

  public Requester(ApplicationOptions options, Publisher publisher, TopicAdmin topics, EnvelopeCodec codec,
      Application application, ScheduledExecutorService timer) {
    this.options = options;
    this.publisher = publisher;
    this.topics = topics;
    this.codec = codec;
    this.application = application;
    this.pending = new PendingRequests(options.maxPendingRequests(), timer, options.telemetry());
    this.replyStream = options.replyStream().orElse("tidings.replies." + UUID.randomUUID());
  }

  /** The stream this instance's replies arrive on. */
  public String replyStream() {
    return replyStream;
  }

  /** Requests waiting for their replies now. */
  public int pending() {
    return pending.size();
  }

  /**
   * Publishes {@code value} (an encoded envelope) as a request and returns the reply's context;
   * fails with {@link RemoteFailureException} for a {@link Failure} reply. Traced as a CLIENT span
   * {@code request <topic>} from now until the reply (or the failure), parent of the request's
   * producer span.
   */
  @SuppressWarnings("try") // the scope makes the request span current while the request is sent
  public CompletableFuture<MessageContext> request(
      String stream, byte[] key, byte[] value, Map<String, byte[]> headers, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new dev.tidings.ConfigurationException("request timeout is " + timeout + ": use a positive duration");
    }
    listen();
    String correlationId = UUID.randomUUID().toString();
    TraceSpan span = MessagingSpans.request(tracing, options.topicPrefix() + stream, key, correlationId,
        options.topicPrefix() + replyStream, name -> text(headers.get(name)));
    CompletableFuture<ConsumerRecord<byte[], byte[]>> reply;
    try {
      reply = pending.register(correlationId, stream, timeout);
    } catch (RuntimeException e) {
      span.error(e);
      span.end();
      throw e;
    }
    CompletableFuture<MessageContext> result = reply.thenApply(record -> context(stream, record));
    result.whenComplete((context, error) -> finish(span, error));
    List<Header> out = new ArrayList<>(headers.size() + 3);
    headers.forEach((k, v) -> {
      if (!k.equals(RequestHeaders.CORRELATION_ID) && !k.equals(RequestHeaders.REPLY_TO)) {
        out.add(new RecordHeader(k, v));
      }
    });
    out.add(header(RequestHeaders.CORRELATION_ID, correlationId));
    out.add(header(RequestHeaders.REPLY_TO, replyStream));
    List<Header> traced = MessagingSpans.withContext(span, out);
    if (!span.hasContext() && !headers.containsKey(RequestHeaders.TRACEPARENT)) {
      traced.add(header(RequestHeaders.TRACEPARENT, newTraceparent()));
    }
    try (TraceScope scope = span.makeCurrent()) {
      publisher.send(stream, null, key, value, traced, MessagingSpans.SEND,
          Map.of(MessagingSpans.CONVERSATION_ID, correlationId)).whenComplete((sent, error) -> {
            if (error != null) {
              pending.fail(correlationId, error);
            }
          });
    } catch (RuntimeException e) {
      pending.fail(correlationId, e);
      throw e;
    }
    return result;
  }

  /** Ends a request's span: failed unless the reply arrived and was not a {@link Failure}. */
  private static void finish(TraceSpan span, Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof RemoteFailureException remote && remote.failure() != null) {
      span.attribute(MessagingSpans.FAILURE_CODE, remote.failure().code());
    }
    if (cause != null) {
      span.error(cause);
    }
    span.end();
  }

  private static String text(byte[] value) {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  private MessageContext context(String requestStream, ConsumerRecord<byte[], byte[]> record) {
    Envelope envelope;
    try {
      envelope = codec.parse(record.value());
    } catch (DecodeException e) {
      throw new DecodeException(e.reason(), "the reply to the request on '" + requestStream + "' is not an"
          + " envelope: " + e.getMessage(), e);
    }
    if (Failure.SCHEMA.equals(envelope.schemaKey())) {
      Failure failure;
      try {
        failure = Json.mapper().treeToValue(envelope.data(), Failure.class);
      } catch (IOException | IllegalArgumentException e) {
        failure = new Failure("UNREADABLE_FAILURE", envelope.data().toString(), "", 0);
      }
      throw new RemoteFailureException(requestStream, failure);
    }
    return new ReplyContext(record, replyStream, codec, application);
  }

  /** Binds and validates a reply as {@code type}. */
  public <R extends Record> R bind(MessageContext reply, Class<R> type) {
    Envelope envelope = codec.parse(reply.value());
    Record record = codec.bind(reply.stream(), envelope);
    if (!type.isInstance(record)) {
      throw new DecodeException(DecodeException.Reason.UNKNOWN_SCHEMA, "the reply has schema "
          + envelope.schemaKey() + " (" + record.getClass().getName() + "), but " + type.getName()
          + " was expected: does the serving handler return " + type.getSimpleName() + "?");
    }
    return type.cast(record);
  }

  private synchronized void listen() {
    if (closed) {
      throw new IllegalStateException("the application is closed");
    }
    if (listener == null) {
      String topic = options.topicPrefix() + replyStream;
      int partitions = topics.ensureNow(topic, REPLY_RETENTION, options.publishTimeout());
      listener = new ReplyListener(replyStream, topic, partitions, ClientSettings.consumer(options, "unused"), pending,
          options.telemetry(), options.publishTimeout());
    }
  }

  private static Header header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("00-%016x%016x-%016x-01", random.nextLong(), random.nextLong(), random.nextLong() | 1);
  }

  @Override
  public void close() {
    ReplyListener l;
    synchronized (this) {
      closed = true;
      l = listener;
    }
    pending.failAll(new IllegalStateException("the application closed before the reply arrived"));
    if (l != null) {
      l.close();
    }
  }
}
