package dev.tidings.ingress.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Publishing with a bound: the broker's acknowledgement within the ack timeout, or an {@link
 * HttpError} that never claims the message was stored: 503 with {@code Retry-After} when Kafka did
 * not answer in time or is unavailable, 413 when the broker refuses the record's size.
 */
final class Acks {
  private final Duration timeout;
  private final int retryAfterSeconds;

  Acks(Duration timeout, int retryAfterSeconds) {
    this.timeout = timeout;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Completes with the result, or fails with an {@link HttpError}. */
  CompletableFuture<PublishResult> send(Supplier<CompletableFuture<PublishResult>> publish) {
    CompletableFuture<PublishResult> sent;
    try {
      sent = publish.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(e));
    }
    return sent.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((result, error) -> {
          if (error != null) {
            throw failure(error);
          }
          return result;
        });
  }

  HttpError failure(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof HttpError h) {
      return h;
    }
    if (e instanceof TimeoutException) {
      return HttpError.unavailable("kafka_unavailable", "Kafka did not acknowledge within " + timeout
          + ": the message is not confirmed stored; retry after the Retry-After seconds (a retry may store it twice)",
          retryAfterSeconds);
    }
    if (e instanceof PublishException p && p.getCause() instanceof RecordTooLargeException) {
      return new HttpError(413, "too_large", "the broker refuses a message of this size: " + p.getMessage()
          + "; send a smaller message (or raise the topic's max.message.bytes)");
    }
    if (e instanceof PublishException p) {
      return HttpError.unavailable("kafka_unavailable", "Kafka did not store the message: " + p.getMessage()
          + "; retry after the Retry-After seconds", retryAfterSeconds);
    }
    if (e instanceof ConfigurationException c) {
      return new HttpError(400, "invalid_stream", c.getMessage());
    }
    if (e instanceof IllegalStateException) {
      return HttpError.unavailable("shutting_down", "the server is shutting down: " + e.getMessage()
          + "; retry on another instance or later", retryAfterSeconds);
    }
    return HttpError.unavailable("kafka_unavailable", "publishing failed: " + e
        + "; the message is not confirmed stored; retry after the Retry-After seconds", retryAfterSeconds);
  }
}
