package dev.tidings.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts handled records and times the first to the last. */
final class Counter {
  private final long target;
  private final AtomicLong count = new AtomicLong();
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile long firstNanos;
  private volatile long lastNanos;
  /** Keeps the bound record reachable, so binding cannot be optimized away. */
  @SuppressWarnings("unused")
  private Object sink;

  Counter(long target) {
    this.target = target;
  }

  void hit(Object record) {
    sink = record;
    long c = count.incrementAndGet();
    if (c == 1) {
      firstNanos = System.nanoTime();
    }
    if (c == target) {
      lastNanos = System.nanoTime();
      done.countDown();
    }
  }

  long count() {
    return count.get();
  }

  boolean done() {
    return done.getCount() == 0;
  }

  /** Waits for the target count; throws when it is not reached in time. */
  void await(long seconds, String what) throws InterruptedException {
    if (!done.await(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException(what + " handled " + count.get() + " of " + target + " records in "
          + seconds + " s");
    }
  }

  /** Records per second from the first record to the last. */
  double rate() {
    return (target - 1) * 1e9 / (lastNanos - firstNanos);
  }
}
