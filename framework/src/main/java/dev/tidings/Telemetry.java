package dev.tidings;

/**
 * Receives what an application does, for metrics. Every method has a no-op default and is called
 * on the thread that did the work, so implementations must be fast and thread-safe and must not
 * throw. The worker binds one to Micrometer.
 */
public interface Telemetry {
  /** Does nothing. */
  Telemetry NONE = new Telemetry() {};

  /** Outcomes of a consumed record. */
  enum Outcome {
    HANDLED,
    RETRIED,
    DEAD_LETTERED,
    SKIPPED,
    FAILED
  }

  /**
   * A publish finished.
   *
   * @param stream the stream
   * @param success whether the broker stored it
   * @param nanos time from the call to the broker's answer
   */
  default void published(String stream, boolean success, long nanos) {}

  /**
   * A consumed record reached an outcome.
   *
   * @param group the consumer group
   * @param stream the stream it came from
   * @param outcome what happened
   * @param reason why, for anything but {@link Outcome#HANDLED} (e.g. {@code NOT_JSON}, the
   *     exception class); {@code null} otherwise
   * @param handlerNanos time spent in the handler (0 when it did not run)
   * @param leadTimeMillis now minus the record's timestamp when handling began
   */
  default void consumed(
      String group, String stream, Outcome outcome, String reason, long handlerNanos, long leadTimeMillis) {}

  /** Partitions were assigned to ({@code assigned}) or revoked from a group's consumer. */
  default void rebalanced(String group, int assigned, int revoked) {}

  /**
   * A request handler produced a reply, but the request named no reply stream and its subscription
   * has no default one ({@code @Subscribe(replyTo = ...)}): the reply was not published.
   */
  default void replyUnroutable(String group, String stream) {}

  /**
   * A serving subscription published a reply ({@code error} for a {@link Failure} reply).
   *
   * @param replyStream where it went
   */
  default void replied(String group, String replyStream, boolean error) {}

  /**
   * A request made with {@code Application.request} finished.
   *
   * @param stream the request's stream
   * @param outcome {@code REPLIED}, {@code FAILED} (a {@link Failure} reply), {@code TIMED_OUT},
   *     {@code REJECTED} (over {@link ApplicationOptions#maxPendingRequests()}) or {@code
   *     NOT_SENT} (publishing the request failed)
   * @param nanos from the call to the outcome
   */
  default void requestCompleted(String stream, String outcome, long nanos) {}

  /**
   * A reply arrived that no pending request waits for, and was dropped.
   *
   * @param replyStream the stream it arrived on
   * @param reason {@code LATE} (its request timed out), {@code UNKNOWN} (no request of this
   *     instance has its correlation id, e.g. a duplicate or another instance's reply) or {@code
   *     UNREADABLE} (no correlation id, or not an envelope)
   */
  default void replyDropped(String replyStream, String reason) {}
  /** How a queue ({@link SubscriptionMode#SHARE}) subscription acknowledged a delivered record. */
  enum Acknowledgement {
    /** Done: handled, dead-lettered or skipped; the broker will not deliver it again. */
    ACCEPTED,
    /** Given back for another delivery (a retryable failure, or unstarted work at shutdown). */
    RELEASED,
    /** Refused: the broker archives it without another delivery. */
    REJECTED
  }

  /**
   * A queue subscription acknowledged a record.
   *
   * @param group the share group
   * @param stream the stream it came from
   * @param acknowledgement how
   */
  default void acknowledged(String group, String stream, Acknowledgement acknowledgement) {}

  /**
   * The records a queue subscription's consumers hold (delivered, not yet acknowledged) changed by
   * {@code delta}; the running sum per group is its in-flight count.
   */
  default void inFlight(String group, int delta) {}
}
