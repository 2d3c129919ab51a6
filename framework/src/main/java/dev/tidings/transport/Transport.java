package dev.tidings.transport;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Sends validated envelopes to a target: Kafka, an HTTP ingress, a file, ... Thread-safe.
 *
 * <p>{@link #send} never throws into the caller for a delivery failure: the returned stage
 * completes exceptionally with a {@link dev.tidings.PublishException} whose {@link
 * dev.tidings.PublishException#isRetriable()} says whether sending again may succeed. It may block
 * the caller briefly while the transport's buffer is full (as Kafka's {@code send()} does).
 */
public interface Transport extends AutoCloseable {
  /**
   * Sends one message.
   *
   * @return completes when the target has confirmed the message (stored, answered 2xx, fsynced)
   */
  CompletionStage<Delivery> send(OutgoingMessage message);

  /**
   * Waits until every message sent so far is confirmed or has failed, at most {@code timeout}.
   *
   * @return {@code true} when nothing is pending any more
   */
  boolean flush(Duration timeout);

  /** The type name for messages and logs, e.g. {@code kafka} or {@code file}. */
  String type();

  /**
   * Sends what is pending (within the transport's own bound), then releases its resources. Sends
   * after close fail with a non-retriable {@link dev.tidings.PublishException}. Idempotent.
   */
  @Override
  void close();
}
