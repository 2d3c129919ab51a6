package dev.tidings.internal.consumer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one assigned partition, handled one after another on the subscription's pool. At
 * most one task of a partition runs or waits at a time, which keeps the partition in order. A
 * record that must be retried stays at the head; a timer resubmits the partition after the backoff,
 * so no thread sleeps and other partitions go on.
 *
 * <p>The poll thread adds records, reads {@link #size()} to pause and resume, and reads {@link
 * #committable()} to commit; the pool thread advances it.
 */
final class PartitionWork {
  /** Processes one attempt at the head record. */
  interface Step {
    Next process(ConsumerRecord<byte[], byte[]> record, PartitionWork work);
  }

  final TopicPartition partition;
  private final Step step;
  private final Executor pool;
  private final ScheduledExecutorService timer;
  private final boolean autoCommit;
  private final Runnable onStop;
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
  private boolean scheduled;
  private boolean busy;
  private boolean closed;
  private volatile long committable = -1;
  private long lastCommitted = -1;
  private boolean paused;

  // Failure bookkeeping of the head record, touched only by the task that processes it.
  int attempts;
  long firstFailureMillis;

  PartitionWork(TopicPartition partition, Step step, Executor pool, ScheduledExecutorService timer,
      boolean autoCommit, Runnable onStop) {
    this.partition = partition;
    this.step = step;
    this.pool = pool;
    this.timer = timer;
    this.autoCommit = autoCommit;
    this.onStop = onStop;
  }

  synchronized void add(List<ConsumerRecord<byte[], byte[]>> records) {
    queue.addAll(records);
    if (!scheduled && !closed) {
      scheduled = true;
      pool.execute(this::drain);
    }
  }

  synchronized int size() {
    return queue.size();
  }

  private void drain() {
    while (true) {
      ConsumerRecord<byte[], byte[]> record;
      synchronized (this) {
        if (closed || queue.isEmpty()) {
          scheduled = false;
          notifyAll();
          return;
        }
        record = queue.peek();
        busy = true;
      }
      Next outcome;
      try {
        outcome = step.process(record, this);
      } catch (RuntimeException | Error e) {
        outcome = Next.stop(e);
      }
      synchronized (this) {
        busy = false;
        notifyAll();
        switch (outcome.kind()) {
          case DONE -> {
            queue.poll();
            attempts = 0;
            firstFailureMillis = 0;
            if (autoCommit) {
              committable = record.offset() + 1;
            }
          }
          case RETRY -> {
            timer.schedule(() -> pool.execute(this::drain), outcome.delayMillis(), TimeUnit.MILLISECONDS);
            return;
          }
          case STOP -> {
            closed = true;
            scheduled = false;
            onStop.run();
            return;
          }
        }
      }
    }
  }

  /** In manual mode: everything before {@code nextOffset} is done. */
  void commitUpTo(long nextOffset) {
    synchronized (this) {
      if (nextOffset > committable) {
        committable = nextOffset;
      }
    }
  }

  /** The offset to commit now, or -1 when nothing new is committable (poll thread). */
  long committable() {
    long c = committable;
    return c > lastCommitted ? c : -1;
  }

  /** Records that {@code offset} was committed (poll thread). */
  void committed(long offset) {
    lastCommitted = Math.max(lastCommitted, offset);
  }

  /** Stops taking new records and waits until the running handler returns, at most until {@code deadlineNanos}. */
  synchronized boolean closeAndAwait(long deadlineNanos) throws InterruptedException {
    closed = true;
    while (busy) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  boolean paused() {
    return paused;
  }

  void paused(boolean paused) {
    this.paused = paused;
  }
}
