package dev.tidings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One consumer group reading the streams that match a pattern (or an explicit list), with one
 * handler per schema. Obtained from {@link Router#subscribe(String, String)}; the handlers and
 * delivery settings are added with the fluent methods below before the application starts.
 */
public final class Subscription {
  private final String pattern;
  private final List<String> streams;
  private final String group;
  private final Map<Class<? extends Record>, Handler<?>> handlers = new LinkedHashMap<>();
  private final Map<Class<? extends Record>, RequestHandler<?>> requestHandlers = new LinkedHashMap<>();
  private String replyTo;
  private RawHandler fallback;
  private Class<? extends Record> batchType;
  private BatchHandler<?> batchHandler;
  private int batchSize = 100;
  private Ordering ordering = Ordering.PARTITION;
  private Duration timeout;
  private FailurePolicy failurePolicy = FailurePolicy.RETRY;
  private int maxAttempts = 5;
  private Duration initialBackoff = Duration.ofMillis(200);
  private Duration maxBackoff = Duration.ofSeconds(30);
  private int concurrency = 1;
  private int maxInFlight = 1000;
  private String deadLetterStream;
  private final List<Class<? extends Throwable>> notRetryable = new ArrayList<>();
  private SubscriptionMode mode = SubscriptionMode.CLASSIC;
  private Duration patternRefresh = Duration.ofSeconds(10);
  private boolean rejectIfDeadLetterFails;

  Subscription(String pattern, List<String> streams, String group) {
    if (group == null || group.isBlank()) {
      throw new ConfigurationException(
          "subscription to '" + describe(pattern, streams) + "' has no group: pass a non-blank group");
    }
    this.pattern = pattern;
    this.streams = streams == null ? null : List.copyOf(streams);
    this.group = group;
  }

  private static String describe(String pattern, List<String> streams) {
    return pattern != null ? pattern : String.join(",", streams);
  }

  /**
   * Handles messages whose envelope names the schema registered for {@code type}.
   *
   * @throws ConfigurationException when {@code type} already has a handler in this subscription
   */
  public <T extends Record> Subscription on(Class<T> type, Handler<? super T> handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    if (batchHandler != null) {
      throw new ConfigurationException("subscription " + this + " has a batch handler, which must be its only"
          + " handler: give " + type.getName() + "'s handler its own group");
    }
    if (requestHandlers.containsKey(type) || handlers.putIfAbsent(type, handler) != null) {
      throw new ConfigurationException(
          "subscription " + this + " already has a handler for " + type.getName()
              + ": give the second handler another group, or merge the two methods");
    }
    return this;
  }

  /**
   * Answers requests whose envelope names the schema registered for {@code type}: what the
   * handler's stage completes with is published as the reply (see {@link RequestHandler}).
   *
   * @throws ConfigurationException when {@code type} already has a handler in this subscription
   */
  public <T extends Record> Subscription onRequest(Class<T> type, RequestHandler<? super T> handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    if (batchHandler != null) {
      throw new ConfigurationException("subscription " + this + " has a batch handler, which must be its only"
          + " handler: give " + type.getName() + "'s request handler its own group");
    }
    if (handlers.containsKey(type) || requestHandlers.putIfAbsent(type, handler) != null) {
      throw new ConfigurationException(
          "subscription " + this + " already has a handler for " + type.getName()
              + ": give the second handler another group, or merge the two methods");
    }
    return this;
  }

  /**
   * The stream replies go to when a request has no {@link RequestHeaders#REPLY_TO} header; {@code
   * null} (the default) means such a request gets no reply (counted by {@link
   * Telemetry#replyUnroutable}).
   */
  public Subscription replyTo(String stream) {
    this.replyTo = stream == null || stream.isEmpty() ? null : stream;
    return this;
  }

  /**
   * Handles messages of {@code type} in batches of up to {@link #batchSize(int)} records of one
   * partition. A subscription with a batch handler has no other handler.
   */
  public <T extends Record> Subscription onBatch(Class<T> type, BatchHandler<? super T> handler) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(handler, "handler");
    if (mode == SubscriptionMode.SHARE) {
      throw new ConfigurationException("subscription " + this + " is a SHARE (queue) subscription, which has no"
          + " batch handlers: records are acknowledged one by one. Use a per-record handler, or mode CLASSIC");
    }
    if (batchHandler != null || !handlers.isEmpty() || !requestHandlers.isEmpty() || fallback != null) {
      throw new ConfigurationException("subscription " + this + " already has handlers: a batch handler must be"
          + " the only handler of its subscription; give it its own group");
    }
    this.batchType = type;
    this.batchHandler = handler;
    return this;
  }

  /** Records per batch for {@link #onBatch}; default 100. */
  public Subscription batchSize(int records) {
    if (records < 1) {
      throw new ConfigurationException("batchSize of " + this + " is " + records + ": use >= 1");
    }
    this.batchSize = records;
    return this;
  }

  /** Which records of a partition may run concurrently; default {@link Ordering#PARTITION}. */
  public Subscription ordering(Ordering ordering) {
    Objects.requireNonNull(ordering, "ordering");
    if (ordering == Ordering.KEY && mode == SubscriptionMode.SHARE) {
      throw new ConfigurationException("subscription " + this + " is a SHARE (queue) subscription, which keeps no"
          + " order: any consumer may take any record. Remove ordering KEY, or use mode CLASSIC");
    }
    this.ordering = ordering;
    return this;
  }

  /**
   * The longest a handler may take for one record (or batch); a handler that takes longer is
   * interrupted and its record counts as failed. {@code null} (the default) means no limit.
   */
  public Subscription timeout(Duration timeout) {
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new ConfigurationException("timeout of " + this + " is " + timeout + ": use a positive duration");
    }
    this.timeout = timeout;
    return this;
  }

  /** Handles every message no typed handler claims, raw (not decoded, not validated). */
  public Subscription onAny(RawHandler handler) {
    if (fallback != null || batchHandler != null) {
      throw new ConfigurationException(
          "subscription " + this + " already has a raw or batch handler: give this one its own group");
    }
    this.fallback = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** What to do when a handler throws or input is poison; default {@link FailurePolicy#RETRY}. */
  public Subscription failurePolicy(FailurePolicy policy) {
    this.failurePolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Attempts in total, first try included, before dead-lettering; default 5, at least 1. */
  public Subscription maxAttempts(int attempts) {
    if (attempts < 1) {
      throw new ConfigurationException("maxAttempts of " + this + " is " + attempts + ": use >= 1");
    }
    this.maxAttempts = attempts;
    return this;
  }

  /** Exponential backoff between attempts (with jitter); defaults 200 ms doubling up to 30 s. */
  public Subscription backoff(Duration initial, Duration max) {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new ConfigurationException(
          "backoff of " + this + " is " + initial + ".." + max + ": use 0 <= initial <= max");
    }
    this.initialBackoff = initial;
    this.maxBackoff = max;
    return this;
  }

  /**
   * How many partitions are handled at the same time; default 1. For a {@link
   * SubscriptionMode#SHARE} subscription: how many share consumers (each with its own thread) this
   * application runs.
   */
  public Subscription concurrency(int threads) {
    if (threads < 1) {
      throw new ConfigurationException("concurrency of " + this + " is " + threads + ": use >= 1");
    }
    this.concurrency = threads;
    return this;
  }

  /**
   * Records fetched but not yet handled, per partition, before the partition is paused; default
   * 1000.
   */
  public Subscription maxInFlight(int records) {
    if (records < 1) {
      throw new ConfigurationException("maxInFlight of " + this + " is " + records + ": use >= 1");
    }
    this.maxInFlight = records;
    return this;
  }

  /**
   * Exceptions (and their subclasses) that are not worth retrying: a record whose handler throws
   * one goes to the dead-letter stream at once.
   */
  @SafeVarargs
  public final Subscription noRetryFor(Class<? extends Throwable>... types) {
    for (Class<? extends Throwable> type : types) {
      notRetryable.add(type);
    }
    return this;
  }

  /** Whether {@code error} may be retried under this subscription's classification. */
  public boolean isRetryable(Throwable error) {
    for (Class<? extends Throwable> type : notRetryable) {
      if (type.isInstance(error)) {
        return false;
      }
    }
    return !(error instanceof SchemaValidationException);
  }

  /** The stream dead letters go to; default the record's own stream + {@code ".dlt"}. */
  public Subscription deadLetterStream(String stream) {
    this.deadLetterStream = stream;
    return this;
  }

  /**
   * How the group's consumers share the records; default {@link SubscriptionMode#CLASSIC}. With
   * {@link SubscriptionMode#SHARE} the subscription runs {@link #concurrency(int)} share consumers
   * of a Kafka share group, acknowledges each record, and counts attempts by the broker's delivery
   * count.
   *
   * @throws ConfigurationException for {@code SHARE} with a batch handler or {@link Ordering#KEY}
   */
  public Subscription mode(SubscriptionMode mode) {
    Objects.requireNonNull(mode, "mode");
    if (mode == SubscriptionMode.SHARE && batchHandler != null) {
      throw new ConfigurationException("subscription " + this + " has a batch handler and cannot be a SHARE"
          + " (queue) subscription, whose records are acknowledged one by one: use a per-record handler,"
          + " or mode CLASSIC");
    }
    if (mode == SubscriptionMode.SHARE && ordering == Ordering.KEY) {
      throw new ConfigurationException("subscription " + this + " orders by KEY and cannot be a SHARE (queue)"
          + " subscription, which keeps no order: remove ordering KEY, or use mode CLASSIC");
    }
    this.mode = mode;
    return this;
  }

  /**
   * For a {@link SubscriptionMode#SHARE} subscription with a glob pattern: how often the pattern is
   * resolved again against the cluster's topics, so that new matching topics are consumed; default
   * 10 s. (A classic subscription's consumer finds them on its metadata refresh.)
   */
  public Subscription patternRefresh(Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new ConfigurationException(
          "patternRefresh of " + this + " is " + interval + ": use a positive duration, e.g. 10 s");
    }
    this.patternRefresh = interval;
    return this;
  }

  /**
   * For a {@link SubscriptionMode#SHARE} subscription: when a record must go to the dead-letter
   * stream and that publish fails, {@code true} rejects the record (the broker archives it; it is
   * counted and logged as rejected), {@code false} (the default) releases it, so that it is
   * delivered again and dead-lettering is tried again.
   */
  public Subscription rejectIfDeadLetterFails(boolean reject) {
    this.rejectIfDeadLetterFails = reject;
    return this;
  }

  public SubscriptionMode mode() {
    return mode;
  }

  public Duration patternRefresh() {
    return patternRefresh;
  }

  public boolean rejectIfDeadLetterFails() {
    return rejectIfDeadLetterFails;
  }

  /** The glob, or {@code null} for an explicit stream list. */
  public String pattern() {
    return pattern;
  }

  /** The explicit streams, or {@code null} for a pattern. */
  public List<String> streams() {
    return streams;
  }

  public String group() {
    return group;
  }

  public Map<Class<? extends Record>, Handler<?>> handlers() {
    return Collections.unmodifiableMap(handlers);
  }

  /** The request handlers by request type. */
  public Map<Class<? extends Record>, RequestHandler<?>> requestHandlers() {
    return Collections.unmodifiableMap(requestHandlers);
  }

  /** The default reply stream, or {@code null}. */
  public String replyTo() {
    return replyTo;
  }

  public RawHandler fallback() {
    return fallback;
  }

  /** The batch handler's record type, or {@code null}. */
  public Class<? extends Record> batchType() {
    return batchType;
  }

  /** The batch handler, or {@code null}. */
  public BatchHandler<?> batchHandler() {
    return batchHandler;
  }

  public int batchSize() {
    return batchSize;
  }

  public Ordering ordering() {
    return ordering;
  }

  /** The per-record handler timeout, or {@code null} for none. */
  public Duration timeout() {
    return timeout;
  }

  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public int concurrency() {
    return concurrency;
  }

  public int maxInFlight() {
    return maxInFlight;
  }

  /** The configured dead-letter stream, or {@code null} for the default. */
  public String deadLetterStream() {
    return deadLetterStream;
  }

  boolean sameTarget(String otherPattern, List<String> otherStreams, String otherGroup) {
    return group.equals(otherGroup)
        && Objects.equals(pattern, otherPattern)
        && Objects.equals(streams, otherStreams == null ? null : new ArrayList<>(otherStreams));
  }

  @Override
  public String toString() {
    return "'" + describe(pattern, streams) + "' (group " + group + ")";
  }
}
