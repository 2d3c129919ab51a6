package dev.tidings.http.sink.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: {@code rate} tokens a second, holding at most one second's worth (at least one).
 * Callers that find it empty reserve a future token and wait for it, so waiting callers are served in
 * order and the long-run rate never exceeds {@code rate}.
 */
final class RateLimiter {
  private final double rate;
  private final double capacity;
  private double tokens;
  private long last;

  RateLimiter(double rate) {
    this.rate = rate;
    this.capacity = Math.max(1.0, rate);
    this.tokens = capacity;
    this.last = System.nanoTime();
  }

  /**
   * Takes a token, waiting for it until {@code deadlineNanos} ({@link System#nanoTime()} scale).
   *
   * @return false when the token would come after the deadline (nothing is taken)
   */
  boolean acquire(long deadlineNanos) throws InterruptedException {
    if (rate <= 0) {
      return true;
    }
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) * rate / 1e9);
      last = now;
      waitNanos = tokens >= 1 ? 0 : (long) ((1 - tokens) / rate * 1e9);
      if (now + waitNanos - deadlineNanos > 0) {
        return false;
      }
      tokens -= 1;
    }
    long until = System.nanoTime() + waitNanos;
    for (long left = waitNanos; left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for the sink's rate limit");
      }
    }
    return true;
  }

  /** Seconds between tokens, for messages. */
  double intervalSeconds() {
    return rate <= 0 ? 0 : 1 / rate;
  }

  static long nanos(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
