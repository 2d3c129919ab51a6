package dev.tidings.internal.consumer;

import dev.tidings.Application;
import dev.tidings.DecodeException;
import dev.tidings.FailurePolicy;
import dev.tidings.Handler;
import dev.tidings.RawHandler;
import dev.tidings.Subscription;
import dev.tidings.Telemetry;
import dev.tidings.Telemetry.Outcome;
import dev.tidings.internal.codec.Envelope;
import dev.tidings.internal.codec.EnvelopeCodec;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one record: decode, dispatch by the envelope's schema, and apply the
 * subscription's failure policy. Poison input (not JSON, not an envelope, unknown schema, invalid
 * data) is never retried: it goes to the dead-letter stream (or is skipped under {@link
 * FailurePolicy#SKIP}). A dead letter that cannot be written is retried, never dropped.
 */
final class RecordProcessor implements PartitionWork.Step {
  private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
  private static final long DEAD_LETTER_TIMEOUT_SECONDS = 60;

  /** A typed handler with its payload class. */
  record Typed(Class<? extends Record> type, Handler<Object> handler) {}

  private final Subscription spec;
  private final Map<String, Typed> handlers;
  private final RawHandler fallback;
  private final EnvelopeCodec codec;
  private final DeadLetters deadLetters;
  private final Telemetry telemetry;
  private final Application application;
  private final SubscriberFactory subscribers;
  private final String topicPrefix;
  private final Clock clock;

  /** Makes the {@code Subscriber} a handler sees for one record. */
  interface SubscriberFactory {
    dev.tidings.Subscriber create(ConsumerRecord<byte[], byte[]> record, PartitionWork work);
  }

  RecordProcessor(Subscription spec, Map<String, Typed> handlers, EnvelopeCodec codec,
      DeadLetters deadLetters, Telemetry telemetry, Application application,
      SubscriberFactory subscribers, String topicPrefix, Clock clock) {
    this.spec = spec;
    this.handlers = handlers;
    this.fallback = spec.fallback();
    this.codec = codec;
    this.deadLetters = deadLetters;
    this.telemetry = telemetry;
    this.application = application;
    this.subscribers = subscribers;
    this.topicPrefix = topicPrefix;
    this.clock = clock;
  }

  @Override
  public Next process(ConsumerRecord<byte[], byte[]> record, PartitionWork work) {
    String stream = record.topic().startsWith(topicPrefix)
        ? record.topic().substring(topicPrefix.length())
        : record.topic();
    long leadTime = clock.millis() - record.timestamp();
    Delivery delivery = new Delivery(record, stream, codec, subscribers.create(record, work), application);
    Envelope envelope;
    try {
      envelope = delivery.parsed();
    } catch (DecodeException e) {
      return fallback != null ? invoke(() -> fallback.handle(delivery), delivery, work, leadTime)
          : poison(delivery, work, e);
    }
    Typed typed = handlers.get(envelope.schemaKey());
    if (typed == null) {
      if (fallback != null) {
        return invoke(() -> fallback.handle(delivery), delivery, work, leadTime);
      }
      return poison(delivery, work, new DecodeException(DecodeException.Reason.UNKNOWN_SCHEMA,
          "no handler of group " + spec.group() + " takes schema '" + envelope.schemaKey() + "'"));
    }
    Object payload;
    try {
      payload = codec.bind(stream, envelope);
    } catch (DecodeException e) {
      return poison(delivery, work, e);
    }
    return invoke(() -> typed.handler().handle(payload, delivery), delivery, work, leadTime);
  }

  private interface Call {
    void run() throws Exception;
  }

  private Next invoke(Call call, Delivery delivery, PartitionWork work, long leadTime) {
    long start = System.nanoTime();
    try {
      call.run();
    } catch (Exception | LinkageError | AssertionError e) {
      return handlerFailed(delivery, work, e, System.nanoTime() - start, leadTime);
    }
    telemetry.consumed(spec.group(), delivery.stream(), Outcome.HANDLED, null, System.nanoTime() - start, leadTime);
    return Next.DONE;
  }

  private Next handlerFailed(
      Delivery delivery, PartitionWork work, Throwable error, long nanos, long leadTime) {
    long now = clock.millis();
    if (work.attempts++ == 0) {
      work.firstFailureMillis = now;
    }
    String reason = error.getClass().getName();
    switch (spec.failurePolicy()) {
      case RETRY -> {
        if (work.attempts < spec.maxAttempts() && spec.isRetryable(error)) {
          long delay = backoff(work.attempts);
          LOG.warn("handler of group {} failed on {} (attempt {} of {}), retrying in {} ms: {}",
              spec.group(), delivery, work.attempts, spec.maxAttempts(), delay, error.toString());
          telemetry.consumed(spec.group(), delivery.stream(), Outcome.RETRIED, reason, nanos, leadTime);
          return Next.retry(delay);
        }
        return deadLetter(delivery, work, "HANDLER_FAILED", error);
      }
      case DEAD_LETTER -> {
        return deadLetter(delivery, work, "HANDLER_FAILED", error);
      }
      case SKIP -> {
        LOG.warn("handler of group {} failed on {}; skipping it (policy SKIP)", spec.group(), delivery, error);
        telemetry.consumed(spec.group(), delivery.stream(), Outcome.SKIPPED, reason, nanos, leadTime);
        return Next.DONE;
      }
      default -> {
        LOG.error("handler of group {} failed on {}; stopping the subscription (policy STOP); the record"
            + " stays uncommitted", spec.group(), delivery, error);
        telemetry.consumed(spec.group(), delivery.stream(), Outcome.FAILED, reason, nanos, leadTime);
        return Next.stop(error);
      }
    }
  }

  private Next poison(Delivery delivery, PartitionWork work, DecodeException e) {
    if (spec.failurePolicy() == dev.tidings.FailurePolicy.SKIP) {
      LOG.warn("group {} skips {}: {} ({})", spec.group(), delivery, e.getMessage(), e.reason());
      telemetry.consumed(spec.group(), delivery.stream(), Outcome.SKIPPED, e.reason().name(), 0, 0);
      return Next.DONE;
    }
    if (work.attempts == 0) {
      work.firstFailureMillis = clock.millis();
    }
    work.attempts = Math.max(work.attempts, 1);
    return deadLetter(delivery, work, e.reason().name(), e);
  }

  private Next deadLetter(
      Delivery delivery, PartitionWork work, String reason, Throwable error) {
    String target = deadLetters.streamFor(delivery.stream());
    try {
      deadLetters.send(delivery.consumerRecord(), delivery.stream(), reason, error, work.attempts,
          work.firstFailureMillis, clock.millis()).get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return Next.retry(backoff(1));
    } catch (Exception sendFailure) {
      LOG.error("group {} could not write {} to dead-letter stream {}; keeping it and trying again",
          spec.group(), delivery, target, sendFailure);
      return Next.retry(backoff(Math.max(1, work.attempts)));
    }
    LOG.warn("group {} sent {} to dead-letter stream {} ({}): {}",
        spec.group(), delivery, target, reason, error.getMessage());
    telemetry.consumed(spec.group(), delivery.stream(), Outcome.DEAD_LETTERED, reason, 0, 0);
    return Next.DONE;
  }

  /** Exponential backoff with ±20% jitter, capped at the subscription's maximum. */
  long backoff(int attempt) {
    long initial = spec.initialBackoff().toMillis();
    long max = spec.maxBackoff().toMillis();
    long delay = initial << Math.min(attempt - 1, 30);
    if (delay <= 0 || delay > max) {
      delay = max;
    }
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Math.min(max, (long) (delay * jitter));
  }
}
