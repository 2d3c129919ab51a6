package dev.tidings.internal.consumer;

import dev.tidings.Application;
import dev.tidings.BatchFailedException;
import dev.tidings.BatchHandler;
import dev.tidings.DecodeException;
import dev.tidings.FailurePolicy;
import dev.tidings.Handler;
import dev.tidings.MessageContext;
import dev.tidings.RawHandler;
import dev.tidings.Subscription;
import dev.tidings.Telemetry;
import dev.tidings.Telemetry.Outcome;
import dev.tidings.internal.codec.Envelope;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.tracing.MessagingSpans;
import dev.tidings.internal.tracing.TraceScope;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at the head records of a lane: decode, dispatch by the envelope's schema (one record,
 * or a batch for a batch handler), and apply the subscription's failure policy.
 *
 * <p>A message whose schema the application knows but no handler of this subscription takes is
 * skipped and counted ({@code NO_HANDLER}): several subscriptions may share a stream.
 *
 * <p>Poison input (not JSON, not an envelope, unknown schema, invalid data, data that does not bind)
 * is never retried: it goes to the dead-letter stream (or is skipped under {@link
 * FailurePolicy#SKIP}, even under {@link FailurePolicy#STOP}: poison never stops a consumer). A dead
 * letter that cannot be written is retried, never dropped.
 */
final class RecordProcessor implements PartitionWork.Step {
  private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
  private static final long DEAD_LETTER_TIMEOUT_SECONDS = 60;
  private static final String HANDLER_FAILED = "HANDLER_FAILED";
  private static final String NO_HANDLER = "NO_HANDLER";

  /** A typed handler with its payload class. */
  record Typed(Class<? extends Record> type, Handler<Object> handler) {}

  /** Makes the {@code Subscriber} a handler sees for one record. */
  interface SubscriberFactory {
    dev.tidings.Subscriber create(ConsumerRecord<byte[], byte[]> record, PartitionWork work);
  }

  private final Subscription spec;
  private final Map<String, Typed> handlers;
  private final RawHandler fallback;
  private final BatchHandler<Object> batch;
  private final String batchKey;
  private final EnvelopeCodec codec;
  private final DeadLetters deadLetters;
  private final Telemetry telemetry;
  private final Application application;
  private final SubscriberFactory subscribers;
  private final String topicPrefix;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final Tracing tracing = Tracing.get();
  private final Replier replier;

  @SuppressWarnings("unchecked")
  RecordProcessor(Subscription spec, Map<String, Typed> handlers, String batchKey, EnvelopeCodec codec,
      DeadLetters deadLetters, Telemetry telemetry, Application application, SubscriberFactory subscribers,
      String topicPrefix, ScheduledExecutorService timer, Clock clock, Replier replier) {
    this.spec = spec;
    this.handlers = handlers;
    this.fallback = spec.fallback();
    this.batch = (BatchHandler<Object>) spec.batchHandler();
    this.batchKey = batchKey;
    this.codec = codec;
    this.deadLetters = deadLetters;
    this.telemetry = telemetry;
    this.application = application;
    this.subscribers = subscribers;
    this.topicPrefix = topicPrefix;
    this.timer = timer;
    this.clock = clock;
    this.replier = replier;
  }

  @Override
  public Next process(List<ConsumerRecord<byte[], byte[]>> records, Lane lane, PartitionWork work) {
    return batch != null ? processBatch(records, lane, work) : processOne(records.get(0), lane, work);
  }

  private Delivery delivery(ConsumerRecord<byte[], byte[]> record, PartitionWork work) {
    String stream = record.topic().startsWith(topicPrefix)
        ? record.topic().substring(topicPrefix.length())
        : record.topic();
    return new Delivery(record, stream, codec, subscribers.create(record, work), application);
  }

  private Next processOne(ConsumerRecord<byte[], byte[]> record, Lane lane, PartitionWork work) {
    Delivery delivery = delivery(record, work);
    long leadTime = clock.millis() - record.timestamp();
    // Only for schemas with a typed handler: a raw handler or a skipped message needs no record.
    EnvelopeCodec.Exact exact = handlers.isEmpty() ? null : delivery.exact(handlers::containsKey);
    Typed fast = exact == null ? null : handlers.get(exact.schemaKey());
    if (fast != null) {
      Object payload = exact.record();
      return invoke(() -> fast.handler().handle(payload, delivery), delivery, lane, work, leadTime);
    }
    Envelope envelope;
    try {
      envelope = delivery.parsed();
    } catch (DecodeException e) {
      return fallback != null ? invoke(() -> fallback.handle(delivery), delivery, lane, work, leadTime)
          : poison(delivery, lane, e);
    }
    Typed typed = handlers.get(envelope.schemaKey());
    if (typed == null) {
      if (fallback != null) {
        return invoke(() -> fallback.handle(delivery), delivery, lane, work, leadTime);
      }
      if (codec.registry().byKey(envelope.schemaKey()) != null) {
        // A schema the application knows but this subscription does not handle: not for us.
        LOG.debug("group {} has no handler for {} on {}; skipping it", spec.group(), envelope.schemaKey(), delivery);
        telemetry.consumed(spec.group(), delivery.stream(), Outcome.SKIPPED, NO_HANDLER, 0, leadTime);
        return Next.done(1);
      }
      return poison(delivery, lane, unknownSchema(envelope));
    }
    Object payload;
    try {
      payload = codec.bind(delivery.stream(), envelope);
    } catch (DecodeException e) {
      return poison(delivery, lane, e);
    }
    return invoke(() -> typed.handler().handle(payload, delivery), delivery, lane, work, leadTime);
  }

  private DecodeException unknownSchema(Envelope envelope) {
    return new DecodeException(DecodeException.Reason.UNKNOWN_SCHEMA,
        "schema '" + envelope.schemaKey() + "' is not registered in this application");
  }

  /** Decodes a valid prefix of the batch; poison at its head is dead-lettered on its own. */
  @SuppressWarnings("try") // the scope makes the span current while the handler runs
  private Next processBatch(List<ConsumerRecord<byte[], byte[]>> records, Lane lane, PartitionWork work) {
    List<Object> payloads = new ArrayList<>(records.size());
    List<MessageContext> contexts = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> record : records) {
      Delivery delivery = delivery(record, work);
      EnvelopeCodec.Exact exact = delivery.exact(batchKey::equals);
      if (exact != null) {
        payloads.add(exact.record());
        contexts.add(delivery);
        continue;
      }
      try {
        Envelope envelope = delivery.parsed();
        if (!envelope.schemaKey().equals(batchKey)) {
          throw unknownSchema(envelope);
        }
        payloads.add(codec.bind(delivery.stream(), envelope));
        contexts.add(delivery);
      } catch (DecodeException e) {
        if (payloads.isEmpty()) {
          return poison(delivery, lane, e);
        }
        break;
      }
    }
    long leadTime = clock.millis() - records.get(0).timestamp();
    TraceSpan span = MessagingSpans.batch(tracing, records.subList(0, payloads.size()), spec.group(),
        attempt(lane, records.get(0).offset()));
    try (TraceScope scope = span.makeCurrent()) {
      return handleBatch(payloads, contexts, lane, leadTime, span);
    } finally {
      span.end();
    }
  }

  private Next handleBatch(List<Object> payloads, List<MessageContext> contexts, Lane lane, long leadTime,
      TraceSpan span) {
    long start = System.nanoTime();
    try {
      withTimeout(() -> batch.handle(List.copyOf(payloads), List.copyOf(contexts)));
    } catch (BatchFailedException e) {
      span.error(e);
      int index = Math.min(e.index(), payloads.size() - 1);
      for (int i = 0; i < index; i++) {
        handled((Delivery) contexts.get(i), 0, leadTime);
      }
      Next next = failed((Delivery) contexts.get(index), lane, e.getCause() != null ? e.getCause() : e,
          System.nanoTime() - start, leadTime, List.of((Delivery) contexts.get(index)));
      return new Next(index + next.done(), next.kind(), next.delayMillis(), next.error());
    } catch (Exception | LinkageError | AssertionError e) {
      span.error(e);
      List<Delivery> all = new ArrayList<>();
      contexts.forEach(c -> all.add((Delivery) c));
      return failed(all.get(0), lane, e, System.nanoTime() - start, leadTime, all);
    }
    long nanos = (System.nanoTime() - start) / payloads.size();
    contexts.forEach(c -> handled((Delivery) c, nanos, leadTime));
    return Next.done(payloads.size());
  }

  private interface Call {
    void run() throws Exception;
  }

  /** Runs {@code call}; past the subscription's timeout the thread is interrupted and the call fails. */
  private void withTimeout(Call call) throws Exception {
    if (spec.timeout() == null) {
      call.run();
      return;
    }
    Thread thread = Thread.currentThread();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> alarm = timer.schedule(() -> {
      expired.set(true);
      thread.interrupt();
    }, spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
    try {
      call.run();
    } catch (Exception e) {
      if (!expired.get()) {
        throw e;
      }
    } finally {
      alarm.cancel(false);
      if (expired.get()) {
        Thread.interrupted();
      }
    }
    if (expired.get()) {
      throw new TimeoutException("handler took longer than " + spec.timeout() + " (the subscription's timeout)");
    }
  }

  /** Calls the handler inside the record's consumer span; retries and dead letters are recorded in it. */
  @SuppressWarnings("try") // the scope makes the span current while the handler runs
  private Next invoke(Call call, Delivery delivery, Lane lane, PartitionWork work, long leadTime) {
    TraceSpan span = MessagingSpans.process(tracing, delivery.consumerRecord(), spec.group(),
        attempt(lane, delivery.offset()));
    try (TraceScope scope = span.makeCurrent()) {
      long start = System.nanoTime();
      try {
        withTimeout(call);
        if (delivery.deferral() != null && work == null) {
          // No partition bookkeeping to defer to (share groups): the record is done when the stage is.
          delivery.deferral().toCompletableFuture().get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        span.error(e.getCause());
        return failed(delivery, lane, e.getCause(), System.nanoTime() - start, leadTime, List.of(delivery));
      } catch (Exception | LinkageError | AssertionError e) {
        span.error(e);
        return failed(delivery, lane, e, System.nanoTime() - start, leadTime, List.of(delivery));
      }
      if (delivery.deferral() != null && work != null) {
        work.defer(delivery.offset(), delivery.deferral());
      }
      handled(delivery, System.nanoTime() - start, leadTime);
      return Next.done(1);
    } finally {
      span.end();
    }
  }

  /** Which attempt at the record at {@code offset} this is, 1 for the first. */
  private static int attempt(Lane lane, long offset) {
    return lane.failingOffset == offset ? lane.attempts + 1 : 1;
  }

  private void handled(Delivery delivery, long nanos, long leadTime) {
    telemetry.consumed(spec.group(), delivery.stream(), Outcome.HANDLED, null, nanos, leadTime);
  }

  /**
   * Applies the failure policy to a failed handler call on {@code delivery} (the head); {@code
   * affected} are the records that go to the dead-letter stream when retries are exhausted.
   */
  private Next failed(Delivery delivery, Lane lane, Throwable error, long nanos, long leadTime,
      List<Delivery> affected) {
    int attempts = lane.failed(delivery.offset(), clock.millis());
    String reason = error.getClass().getName();
    switch (spec.failurePolicy()) {
      case RETRY -> {
        if (attempts < spec.maxAttempts() && spec.isRetryable(error)) {
          long delay = backoff(attempts);
          tracing.current().event(MessagingSpans.RETRY_EVENT, Map.of(MessagingSpans.ATTEMPT, Integer.toString(attempts),
              "tidings.retry.delay_ms", Long.toString(delay)));
          LOG.warn("handler of group {} failed on {} (attempt {} of {}), retrying in {} ms: {}",
              spec.group(), delivery, attempts, spec.maxAttempts(), delay, error.toString());
          telemetry.consumed(spec.group(), delivery.stream(), Outcome.RETRIED, reason, nanos, leadTime);
          return Next.retry(0, delay);
        }
        return deadLetter(affected, lane, HANDLER_FAILED, error);
      }
      case DEAD_LETTER -> {
        return deadLetter(affected, lane, HANDLER_FAILED, error);
      }
      case SKIP -> {
        LOG.warn("handler of group {} failed on {}; skipping it (policy SKIP)", spec.group(), delivery, error);
        failureReplies(affected, HANDLER_FAILED, error, attempts);
        affected.forEach(d -> telemetry.consumed(spec.group(), d.stream(), Outcome.SKIPPED, reason, nanos, leadTime));
        return Next.done(affected.size());
      }
      default -> {
        LOG.error("handler of group {} failed on {}; stopping the subscription (policy STOP); the record"
            + " stays uncommitted", spec.group(), delivery, error);
        telemetry.consumed(spec.group(), delivery.stream(), Outcome.FAILED, reason, nanos, leadTime);
        return Next.stop(0, error);
      }
    }
  }

  private Next poison(Delivery delivery, Lane lane, DecodeException e) {
    if (spec.failurePolicy() == FailurePolicy.SKIP) {
      LOG.warn("group {} skips {}: {} ({})", spec.group(), delivery, e.getMessage(), e.reason());
      failureReplies(List.of(delivery), e.reason().name(), e, 0);
      telemetry.consumed(spec.group(), delivery.stream(), Outcome.SKIPPED, e.reason().name(), 0, 0);
      return Next.done(1);
    }
    if (lane.failingOffset != delivery.offset()) {
      lane.failed(delivery.offset(), clock.millis());
    }
    return deadLetter(List.of(delivery), lane, e.reason().name(), e);
  }

  private Next deadLetter(List<Delivery> deliveries, Lane lane, String reason, Throwable error) {
    Delivery first = deliveries.get(0);
    String target = deadLetters.streamFor(first.stream());
    try {
      List<CompletableFuture<?>> sends = new ArrayList<>();
      for (Delivery d : deliveries) {
        sends.add(deadLetters.send(d.consumerRecord(), d.stream(), reason, error, lane.attempts,
            lane.firstFailureMillis, clock.millis()));
        if (replier != null) {
          CompletableFuture<?> reply = replier.failure(d, reason, error, lane.attempts);
          if (reply != null) {
            sends.add(reply);
          }
        }
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return Next.retry(0, backoff(1));
    } catch (Exception sendFailure) {
      LOG.error("group {} could not write {} to dead-letter stream {}; keeping it and trying again",
          spec.group(), first, target, sendFailure);
      // The failure travels with the retry, so that a queue subscription can tell it from a handler retry.
      return new Next(0, Next.Kind.RETRY, backoff(Math.max(1, lane.attempts)), sendFailure);
    }
    tracing.current().event(MessagingSpans.DEAD_LETTER_EVENT, Map.of("tidings.dead_letter.stream", target,
        "tidings.dead_letter.reason", reason, "tidings.dead_letter.records", Integer.toString(deliveries.size())));
    for (Delivery d : deliveries) {
      LOG.warn("group {} sent {} to dead-letter stream {} ({}): {}", spec.group(), d, target, reason,
          error.getMessage());
      telemetry.consumed(spec.group(), d.stream(), Outcome.DEAD_LETTERED, reason, 0, 0);
    }
    return Next.done(deliveries.size());
  }

  /** Sends failure replies for requests that are skipped; waits for them, never fails. */
  private void failureReplies(List<Delivery> deliveries, String reason, Throwable error, int attempts) {
    if (replier == null) {
      return;
    }
    for (Delivery d : deliveries) {
      CompletableFuture<?> reply = replier.failure(d, reason, error, attempts);
      if (reply != null) {
        try {
          reply.get(DEAD_LETTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception ignored) {
          // failure() logs and swallows send failures; only a timeout lands here
          LOG.warn("group {}: the failure reply for {} took longer than {} s", spec.group(), d,
              DEAD_LETTER_TIMEOUT_SECONDS);
        }
      }
    }
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
