package dev.tidings;

/**
 * Handles one decoded and validated message.
 *
 * @param <T> the payload type, a {@link Schema} record
 */
@FunctionalInterface
public interface Handler<T> {
  /**
   * Handles {@code payload}. Throwing fails the record: it is retried, dead-lettered, skipped or
   * stops the subscription, according to the subscription's {@link FailurePolicy}.
   */
  void handle(T payload, MessageContext context) throws Exception;
}
