package dev.tidings.ingress.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per principal: {@code rate} requests per second, bursts of the same size. */
final class RateLimiter {
  private final double rate;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(double rate, LongSupplier nanos) {
    this.rate = rate;
    this.nanos = nanos;
  }

  /** Whether {@code principal} may send one more request now; always true without a rate. */
  boolean tryAcquire(String principal) {
    if (rate <= 0) {
      return true;
    }
    return buckets.computeIfAbsent(principal, p -> new Bucket(rate, nanos.getAsLong())).take(rate, nanos.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double rate, long now) {
      this.tokens = Math.max(1, rate);
      this.last = now;
    }

    synchronized boolean take(double rate, long now) {
      double burst = Math.max(1, rate);
      tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
