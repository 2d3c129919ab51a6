package dev.tidings.internal.reply;

import dev.tidings.RequestRejectedException;
import dev.tidings.RequestTimeoutException;
import dev.tidings.Telemetry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The requests of one application instance that wait for their replies, by correlation id. Bounded:
 * over {@code max} a request is rejected before it is sent. A timeout completes the request's
 * future exceptionally and frees its entry at once; the ids of the most recent timeouts are kept
 * (a bounded set) so that a reply arriving for one of them is counted as late rather than unknown.
 */
final class PendingRequests {
  private static final int REMEMBERED_TIMEOUTS = 10_000;

  /** One waiting request. */
  private record Entry(String stream, long startNanos, CompletableFuture<ConsumerRecord<byte[], byte[]>> future,
      ScheduledFuture<?>[] alarm) {}

  private final Map<String, Entry> pending = new ConcurrentHashMap<>();
  private final Semaphore permits;
  private final int max;
  private final ScheduledExecutorService timer;
  private final Telemetry telemetry;
  private final Map<String, Boolean> timedOut = new LinkedHashMap<>(64, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_TIMEOUTS;
    }
  };

  PendingRequests(int max, ScheduledExecutorService timer, Telemetry telemetry) {
    this.max = max;
    this.permits = new Semaphore(max);
    this.timer = timer;
    this.telemetry = telemetry;
  }

  /**
   * Registers a request; its future completes with the reply record, or fails with {@link
   * RequestTimeoutException} after {@code timeout}.
   *
   * @throws RequestRejectedException when {@code max} requests are pending
   */
  CompletableFuture<ConsumerRecord<byte[], byte[]>> register(String correlationId, String stream, Duration timeout) {
    if (!permits.tryAcquire()) {
      telemetry.requestCompleted(stream, "REJECTED", 0);
      throw new RequestRejectedException(max);
    }
    CompletableFuture<ConsumerRecord<byte[], byte[]>> future = new CompletableFuture<>();
    ScheduledFuture<?>[] alarm = new ScheduledFuture<?>[1];
    Entry entry = new Entry(stream, System.nanoTime(), future, alarm);
    pending.put(correlationId, entry);
    alarm[0] = timer.schedule(() -> expire(correlationId, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
    return future;
  }

  private void expire(String correlationId, Duration timeout) {
    Entry entry = remove(correlationId);
    if (entry != null) {
      synchronized (timedOut) {
        timedOut.put(correlationId, Boolean.TRUE);
      }
      telemetry.requestCompleted(entry.stream(), "TIMED_OUT", System.nanoTime() - entry.startNanos());
      entry.future().completeExceptionally(new RequestTimeoutException(entry.stream(), correlationId, timeout));
    }
  }

  private Entry remove(String correlationId) {
    Entry entry = pending.remove(correlationId);
    if (entry != null) {
      permits.release();
      ScheduledFuture<?> alarm = entry.alarm()[0];
      if (alarm != null) {
        alarm.cancel(false);
      }
    }
    return entry;
  }

  /**
   * Hands a reply to its request.
   *
   * @return {@code null} when a request took it, else why it was dropped: {@code LATE} or {@code
   *     UNKNOWN}
   */
  String complete(String correlationId, ConsumerRecord<byte[], byte[]> reply, boolean failure) {
    Entry entry = remove(correlationId);
    if (entry == null) {
      synchronized (timedOut) {
        return timedOut.containsKey(correlationId) ? "LATE" : "UNKNOWN";
      }
    }
    telemetry.requestCompleted(entry.stream(), failure ? "FAILED" : "REPLIED", System.nanoTime() - entry.startNanos());
    entry.future().complete(reply);
    return null;
  }

  /** Fails a request whose publish failed. */
  void fail(String correlationId, Throwable error) {
    Entry entry = remove(correlationId);
    if (entry != null) {
      telemetry.requestCompleted(entry.stream(), "NOT_SENT", System.nanoTime() - entry.startNanos());
      entry.future().completeExceptionally(error);
    }
  }

  /** Fails every pending request (the application closes). */
  void failAll(RuntimeException error) {
    for (String id : pending.keySet()) {
      fail(id, error);
    }
  }

  /** How many requests wait now. */
  int size() {
    return pending.size();
  }
}
