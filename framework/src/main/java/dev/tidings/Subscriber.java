package dev.tidings;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The handler's view of its subscription: publishes that keep the consumed message's context
 * (its headers, such as {@code traceparent} and the correlation id, are copied to what is published)
 * and manual commits.
 */
public interface Subscriber {
  /**
   * Publishes {@code record} to {@code stream} with the consumed message's headers.
   *
   * @throws SchemaValidationException (fatal) when the record violates its schema
   */
  CompletableFuture<PublishResult> publish(String stream, Record record);

  /** As {@link #publish(String, Record)}, with a key and extra headers that override copied ones. */
  CompletableFuture<PublishResult> publish(
      String stream, Record record, byte[] key, Map<String, String> headers);

  /**
   * In {@link CommitMode#MANUAL}, marks this message and every earlier one of its partition as
   * done; the offset is committed within the commit interval, before a rebalance and on shutdown. In
   * {@link CommitMode#AUTO} it is allowed and has no further effect.
   */
  void commit();

  /** The group of the subscription this handler runs in. */
  String group();
}
