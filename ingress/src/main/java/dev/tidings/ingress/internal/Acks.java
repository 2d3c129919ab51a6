package dev.tidings.ingress.internal;

import dev.tidings.ConfigurationException;
import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>The publish call itself runs on a small pool of its own, not on the server's thread: Kafka's
 * {@code send()} blocks up to {@code max.block.ms} (60 s by default) when the producer has no
 * metadata, e.g. after all brokers went away and it re-bootstrapped. The clock of the ack timeout
 * starts when the request hands the call over, so the client gets its 503 in time even then. The
 * pool's queue is bounded by the server's admission of requests.
 */
final class Acks {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(4, new ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "tidings-ingress-publish-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  });

  private final Duration timeout;
  private final int retryAfterSeconds;

  Acks(Duration timeout, int retryAfterSeconds) {
    this.timeout = timeout;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Completes with the result, or fails with an {@link HttpError}. */
  CompletableFuture<PublishResult> send(Supplier<CompletableFuture<PublishResult>> publish) {
    return bounded(CompletableFuture.supplyAsync(publish, POOL).thenCompose(f -> f));
  }

  /**
   * Runs the publish calls of a batch in order on the publish pool; each result completes, or fails
   * with an {@link HttpError}, within the ack timeout.
   */
  List<CompletableFuture<PublishResult>> sendAll(List<Supplier<CompletableFuture<PublishResult>>> publishes) {
    CompletableFuture<List<CompletableFuture<PublishResult>>> sent = CompletableFuture.supplyAsync(() -> {
      List<CompletableFuture<PublishResult>> futures = new ArrayList<>(publishes.size());
      for (Supplier<CompletableFuture<PublishResult>> p : publishes) {
        try {
          futures.add(p.get());
        } catch (RuntimeException e) {
          futures.add(CompletableFuture.failedFuture(e));
        }
      }
      return futures;
    }, POOL);
    List<CompletableFuture<PublishResult>> results = new ArrayList<>(publishes.size());
    for (int i = 0; i < publishes.size(); i++) {
      int index = i;
      results.add(bounded(sent.thenCompose(list -> list.get(index))));
    }
    return results;
  }

  private CompletableFuture<PublishResult> bounded(CompletableFuture<PublishResult> sent) {
    return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
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
