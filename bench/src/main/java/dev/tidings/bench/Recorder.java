package dev.tidings.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies of one trial, recorded by the thread that handles the records. */
final class Recorder {
  private volatile long[] values = new long[0];
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger written = new AtomicInteger();

  /** Starts a trial of up to {@code capacity} records. */
  void reset(int capacity) {
    values = new long[capacity];
    next.set(0);
    written.set(0);
  }

  void record(long nanos) {
    long[] v = values;
    int i = next.getAndIncrement();
    if (i < v.length) {
      v[i] = nanos;
    }
    written.incrementAndGet();
  }

  /** Waits until {@code count} records arrived; false when they did not within the timeout. */
  boolean await(int count, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (written.get() < count) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  int count() {
    return Math.min(written.get(), values.length);
  }

  /** The recorded latencies, sorted. */
  long[] sorted() {
    return Stats.sortedCopy(values, count());
  }
}
