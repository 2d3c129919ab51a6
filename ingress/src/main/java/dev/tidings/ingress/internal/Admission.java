package dev.tidings.ingress.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the POST requests and body bytes in flight; a request over either bound is refused at
 * once (never queued).
 */
final class Admission {
  private final int maxRequests;
  private final long maxBytes;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  Admission(int maxRequests, long maxBytes) {
    this.maxRequests = maxRequests;
    this.maxBytes = maxBytes;
  }

  /** Admits one request of up to {@code size} bytes, or says no. */
  boolean tryAcquire(long size) {
    if (requests.incrementAndGet() > maxRequests) {
      requests.decrementAndGet();
      return false;
    }
    if (bytes.addAndGet(size) > maxBytes) {
      bytes.addAndGet(-size);
      requests.decrementAndGet();
      return false;
    }
    return true;
  }

  void release(long size) {
    bytes.addAndGet(-size);
    requests.decrementAndGet();
  }

  int requestsInFlight() {
    return requests.get();
  }
}
