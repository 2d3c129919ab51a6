package dev.tidings.internal.kafka;

import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import dev.tidings.Telemetry;
import dev.tidings.internal.tracing.MessagingSpans;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;

/**
 * Sends messages to topics with one shared idempotent producer, creating topics on first use (see
 * {@link TopicSender} for why the first records of a topic are sent with care). Thread-safe; the
 * producer is created on first use.
 */
public final class Publisher implements AutoCloseable {
  private final ApplicationOptions options;
  private final TopicAdmin topics;
  private final Telemetry telemetry;
  private final Tracing tracing = Tracing.get();
  /** By stream (the topic is {@code prefix + stream}). */
  private final Map<String, TopicSender> senders = new ConcurrentHashMap<>();
  private final ExecutorService warmup = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "tidings-publisher-warmup");
    t.setDaemon(true);
    return t;
  });
  /** Probes of stalled topics block for up to max.block.ms each: one thread per probing topic. */
  private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tidings-publisher-probe");
    t.setDaemon(true);
    return t;
  });
  private volatile Producer<byte[], byte[]> producer;

  public Publisher(ApplicationOptions options, TopicAdmin topics) {
    this.options = options;
    this.topics = topics;
    this.telemetry = options.telemetry();
  }

  /**
   * Sends {@code value} to {@code prefix + stream}.
   *
   * @param retention the retention for the topic if this send creates it, or {@code null}
   * @return completes with where the broker stored it, or fails with {@link PublishException}
   */
  public CompletableFuture<PublishResult> send(
      String stream, Duration retention, byte[] key, byte[] value, Iterable<Header> headers) {
    return send(stream, retention, key, value, headers, MessagingSpans.SEND, Map.of());
  }

  /**
   * Sends like {@link #send(String, Duration, byte[], byte[], Iterable)}, traced as {@code operation} (see {@link
   * MessagingSpans#send}): a producer span from now until the broker's answer, whose context replaces the
   * {@code traceparent} of {@code headers}.
   *
   * @param spanAttributes more attributes of the producer span
   */
  public CompletableFuture<PublishResult> send(String stream, Duration retention, byte[] key, byte[] value,
      Iterable<Header> headers, String operation, Map<String, String> spanAttributes) {
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    if (tracing.enabled()) {
      MessagingSpans.Outgoing traced = MessagingSpans.send(tracing, operation, options.topicPrefix() + stream, key,
          headers, spanAttributes);
      headers = traced.headers();
      TraceSpan span = traced.span();
      result.whenComplete((stored, error) -> {
        if (error != null) {
          span.error(error);
        } else {
          span.attribute(MessagingSpans.PARTITION, Integer.toString(stored.partition()));
          span.attribute(MessagingSpans.OFFSET, stored.offset());
        }
        span.end();
      });
    }
    OutgoingRecord record = new OutgoingRecord(stream, key, value, headers, System.nanoTime(), result);
    // Keyed by stream, so the hot path neither builds the topic name nor hashes a new string.
    TopicSender sender = senders.get(stream);
    if (sender == null) {
      sender = senders.computeIfAbsent(stream, s -> open(s, options.topicPrefix() + s, retention));
    }
    sender.send(record);
    return result;
  }

  private TopicSender open(String stream, String topic, Duration retention) {
    TopicSender sender = new TopicSender(new TopicSender.Sink() {
      @Override
      public boolean send(OutgoingRecord r, Integer partition, BiConsumer<RecordMetadata, Exception> onAck) {
        return produce(topic, r, partition, onAck);
      }

      @Override
      public void unavailable(OutgoingRecord r) {
        fail(r, new PublishException("publishing to " + topic + " failed: the producer has no metadata for the"
            + " topic (the brokers at " + options.kafkaServers() + " are unreachable, or slow); the message was not"
            + " sent: publish it again later, and check that the brokers are up and reachable", true, null));
      }
    }, warmup, probes);
    topics.ensure(topic, retention).whenComplete((partitions, error) -> {
      if (error == null) {
        sender.created(partitions);
        return;
      }
      senders.remove(stream, sender);
      Throwable cause = TopicAdmin.unwrap(error);
      for (OutgoingRecord r : sender.failed()) {
        fail(r, cause instanceof PublishException p ? p
            : new PublishException("cannot publish to " + topic + ": " + cause.getMessage(), true, cause));
      }
    });
    return sender;
  }

  /**
   * Hands {@code r} to the producer. Returns false when the producer refused it at once for want of
   * metadata or buffer space after blocking for max.block.ms (the record has failed): the topic's
   * sender then stops blocking callers (see {@link TopicSender}).
   */
  private boolean produce(String topic, OutgoingRecord r, Integer partition,
      BiConsumer<RecordMetadata, Exception> onAck) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, r.key(), r.value(), r.headers());
    Future<RecordMetadata> sent;
    try {
      sent = producer().send(record, (metadata, error) -> {
        if (onAck != null) {
          onAck.accept(metadata, error);
        }
        if (error == null) {
          telemetry.published(r.stream(), true, System.nanoTime() - r.startNanos());
          r.result().complete(new PublishResult(
              metadata.topic(), metadata.partition(), metadata.offset(), metadata.timestamp()));
        } else {
          fail(r, new PublishException(
              "publishing to " + topic + " failed: " + error.getMessage(), error instanceof RetriableException, error));
        }
      });
    } catch (RuntimeException e) {
      if (onAck != null) {
        onAck.accept(null, e);
      }
      fail(r, new PublishException(
          "publishing to " + topic + " failed: " + e.getMessage(), e instanceof RetriableException, e));
      return !(e instanceof org.apache.kafka.common.errors.TimeoutException);
    }
    // Answered inside send() with a timeout: it gave up waiting for metadata or buffer memory. A
    // record the producer took is answered later (and never by a timeout before send() returns).
    return !(sent.isDone() && timedOut(sent));
  }

  private static boolean timedOut(Future<RecordMetadata> sent) {
    try {
      sent.get();
      return false;
    } catch (ExecutionException e) {
      return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void fail(OutgoingRecord r, PublishException e) {
    telemetry.published(r.stream(), false, System.nanoTime() - r.startNanos());
    r.result().completeExceptionally(e);
  }

  /** The producer, created on first call. */
  Producer<byte[], byte[]> producer() {
    Producer<byte[], byte[]> p = producer;
    if (p == null) {
      synchronized (this) {
        p = producer;
        if (p == null) {
          p = new KafkaProducer<>(ClientSettings.producer(options));
          producer = p;
        }
      }
    }
    return p;
  }

  /**
   * Blocks until every record sent so far is answered, including those still waiting for their
   * topic or queued behind a partition's first record (see {@link TopicSender}).
   */
  public void flush() {
    Producer<byte[], byte[]> p = producer;
    if (p != null) {
      p.flush();
    }
    // The unsent records complete once the producer answers them; none waits forever, since topic
    // creation and the producer's delivery both time out.
    awaitUnsent(null);
    p = producer;
    if (p != null) {
      p.flush();
    }
  }

  /** Waits until the records not yet handed to the producer are answered; false on timeout. */
  private boolean awaitUnsent(Duration timeout) {
    List<CompletableFuture<PublishResult>> unsent = new ArrayList<>();
    for (TopicSender sender : senders.values()) {
      unsent.addAll(sender.unsent());
    }
    if (unsent.isEmpty()) {
      return true;
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(unsent.toArray(CompletableFuture[]::new))
        .exceptionally(error -> null);
    try {
      if (timeout == null) {
        all.get();
      } else {
        all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** Whether the producer has been created and not closed. */
  public boolean started() {
    return producer != null;
  }

  /** Forgets known topics so the next publish checks them again. */
  public void refresh() {
    topics.refresh();
    senders.clear();
  }

  @Override
  public void close() {
    // Records waiting for their topic, or queued behind a partition's first record, reach the
    // producer later: let them through (within the shutdown timeout) before it stops taking records.
    long deadline = System.nanoTime() + options.shutdownTimeout().toNanos();
    awaitUnsent(options.shutdownTimeout());
    Producer<byte[], byte[]> p = producer;
    if (p != null) {
      p.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    warmup.shutdown();
    probes.shutdown();
    // Every publish future completes: what never reached the producer fails now.
    for (TopicSender sender : senders.values()) {
      for (OutgoingRecord r : sender.abandon()) {
        fail(r, new PublishException("the application closed before " + options.topicPrefix() + r.stream()
            + " was available; the message was not sent: wait for publish futures (or use publishAndWait)"
            + " before closing, and check that the broker is reachable", true, null));
      }
    }
    senders.clear();
  }
}
