package dev.tidings;

import java.util.concurrent.CompletionStage;

/**
 * Handles one decoded and validated request and answers it. The reply is published to the stream
 * named in the request's {@link RequestHeaders#REPLY_TO} header (or the subscription's {@link
 * Subscription#replyTo(String) default reply stream}) with the request's {@link
 * RequestHeaders#CORRELATION_ID} and {@code traceparent}; the request's offset is committed only
 * after the broker stored the reply.
 *
 * <p>Generated registrations adapt {@code @Subscribe} methods that return a record, an {@code
 * Optional} of one or a {@code CompletionStage} of one to this interface.
 *
 * @param <T> the request type, a {@link Schema} record
 */
@FunctionalInterface
public interface RequestHandler<T> {
  /**
   * Answers {@code request}. The stage completes with the reply record, or with {@code null} for no
   * reply. Throwing (or a stage that fails) fails the request like any handler failure: it is
   * retried, and after the last attempt the caller gets a {@link Failure} reply and the request goes
   * to the dead-letter stream.
   */
  CompletionStage<? extends Record> handle(T request, MessageContext context) throws Exception;
}
