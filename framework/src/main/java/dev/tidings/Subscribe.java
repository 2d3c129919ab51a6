package dev.tidings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes a method to the streams matching {@link #pattern()}. The annotation processor generates
 * a registration that calls the method directly for every message whose schema matches the
 * method's payload parameter.
 *
 * <pre>{@code
 * @Subscribe(pattern = "orders.*", group = "billing")
 * void onOrder(OrderCreated order, Subscriber subscriber) { ... }
 * }</pre>
 *
 * <p>A handler takes one payload parameter (a {@link Schema} record, {@code byte[]}, Jackson's
 * {@code JsonNode} of the whole envelope, or Kafka's {@code ConsumerRecord<byte[], byte[]>}) and
 * optionally {@link Subscriber}, {@link MessageContext} and {@link Application}.
 *
 * <p>A handler of a {@link Schema} record may answer requests by returning a {@link Schema} record,
 * an {@code Optional} of one (empty: no reply) or a {@code CompletionStage} of one; see {@link
 * RequestHandler} and {@link Application#request}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Subscribe {
  /**
   * An fnmatch-style glob over stream names ({@code *} matches any run of characters, dots
   * included; {@code ?} one character). Without a wildcard it names one stream.
   */
  String pattern();

  /** The consumer group; defaults to the method name. */
  String group() default "";

  /** What happens when the handler throws; see {@link FailurePolicy}. */
  FailurePolicy onFailure() default FailurePolicy.RETRY;

  /** Attempts in total (first try included) before a record is dead-lettered; 0 = default (5). */
  int maxAttempts() default 0;

  /** Partitions (or keys, see {@link #ordering()}) handled at the same time; 0 = default (1). */
  int concurrency() default 0;

  /** Which records of a partition may run concurrently. */
  Ordering ordering() default Ordering.PARTITION;

  /** A handler taking longer than this for one record fails (it is interrupted); 0 = no limit. */
  long timeoutMillis() default 0;

  /** For a batch handler ({@code List<T>} payload): records per batch; 0 = default (100). */
  int batchSize() default 0;

  /**
   * For a handler that returns a reply (a {@link Schema} record, an {@code Optional} of one or a
   * {@code CompletionStage} of one): the stream replies go to when a request carries no {@link
   * RequestHeaders#REPLY_TO} header. Empty (the default): such a request gets no reply, counted by
   * {@link Telemetry#replyUnroutable}; the processor warns about a returning handler without it.
   */
  String replyTo() default "";

  /**
   * How the group's consumers share the records: {@link SubscriptionMode#CLASSIC} (a consumer
   * group, ordered per partition) or {@link SubscriptionMode#SHARE} (a queue on a Kafka share
   * group: any consumer takes any record, each record is acknowledged on its own, retries count the
   * broker's deliveries). With {@code SHARE}, {@code concurrency} is the number of share consumers
   * per application, and per-key ordering and batch handlers are compile errors.
   */
  SubscriptionMode mode() default SubscriptionMode.CLASSIC;

  /**
   * The wait before the second attempt, in milliseconds; each later wait doubles (with ±20%
   * jitter) up to {@link #maxBackoffMillis()}. -1 = default (200 ms).
   */
  long backoffMillis() default -1;

  /**
   * The longest wait between two attempts, in milliseconds; at least {@link #backoffMillis()}.
   * -1 = default (30 s, or {@link #backoffMillis()} when that is larger).
   */
  long maxBackoffMillis() default -1;

  /**
   * Exceptions (and their subclasses) not worth retrying: a record whose handler throws one goes to
   * the dead-letter stream at once.
   */
  Class<? extends Throwable>[] noRetryFor() default {};

  /**
   * Records per partition fetched but not finished before the partition is paused; 0 = default
   * (1000).
   */
  int maxInFlight() default 0;

  /**
   * The stream dead letters go to; empty = each record's own stream + {@code ".dlt"}. The
   * subscription never consumes it, even when its pattern matches it.
   */
  String deadLetterStream() default "";
}
