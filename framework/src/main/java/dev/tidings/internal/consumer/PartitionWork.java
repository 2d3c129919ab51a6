package dev.tidings.internal.consumer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one assigned partition, handled on the subscription's pool in one or more {@link
 * Lane}s: one lane keeps the whole partition in order; with per-key ordering, records are spread
 * over several lanes by key hash, so that different keys run concurrently and each key stays in
 * order. A record that must be retried stays at the head of its lane; a timer resubmits the lane
 * after the backoff, so no thread sleeps and other lanes and partitions go on.
 *
 * <p>Commits are contiguous: {@link #committable()} is the offset of the first record that is not
 * finished (or one past the last finished record), whatever order the lanes finish in. The poll
 * thread adds records, reads {@link #size()} to pause and resume, and reads {@link #committable()}.
 */
final class PartitionWork {
  /** Records a lane handles before it lets other lanes of the pool have the thread. */
  static final int SLICE = 256;
  /** Processes one attempt at the head records of a lane. */
  interface Step {
    Next process(List<ConsumerRecord<byte[], byte[]>> records, Lane lane, PartitionWork work);
  }

  final TopicPartition partition;
  private final Step step;
  private final Executor pool;
  private final ScheduledExecutorService timer;
  private final boolean autoCommit;
  private final Consumer<Throwable> onStop;
  private final int batchSize;
  private final Lane[] lanes;
  /** Offsets not yet finished, in offset order, with a done flag each. */
  private final ArrayDeque<long[]> pending = new ArrayDeque<>();
  private long nextAfterDone = -1;
  private long manualMark = -1;
  private boolean closed;
  private volatile long committable = -1;
  private long lastCommitted = -1;
  private long firstOffset = -1;
  private volatile boolean paused;
  private int resumeAt;
  private boolean wakeSent;
  private final Runnable wake;
  /** Offsets handled whose completion is deferred to a stage ({@link #defer}) that has not completed. */
  private final java.util.Set<Long> deferred = new java.util.HashSet<>();

  PartitionWork(TopicPartition partition, Step step, Executor pool, ScheduledExecutorService timer,
      boolean autoCommit, int lanes, int batchSize, Consumer<Throwable> onStop, Runnable wake) {
    this.wake = wake;
    this.partition = partition;
    this.step = step;
    this.pool = pool;
    this.timer = timer;
    this.autoCommit = autoCommit;
    this.batchSize = batchSize;
    this.onStop = onStop;
    this.lanes = new Lane[lanes];
    for (int i = 0; i < lanes; i++) {
      this.lanes[i] = new Lane();
    }
  }

  synchronized void add(List<ConsumerRecord<byte[], byte[]>> records) {
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (firstOffset < 0) {
        firstOffset = record.offset();
      }
      pending.add(new long[] {record.offset(), 0});
      Lane lane = laneOf(record);
      lane.queue.add(record);
      if (!lane.scheduled && !closed) {
        lane.scheduled = true;
        pool.execute(() -> drain(lane));
      }
    }
  }

  private Lane laneOf(ConsumerRecord<byte[], byte[]> record) {
    if (lanes.length == 1 || record.key() == null) {
      return lanes[0];
    }
    return lanes[Math.floorMod(Arrays.hashCode(record.key()), lanes.length)];
  }

  /** Records fetched and not finished. */
  synchronized int size() {
    return pending.size();
  }

  /**
   * Handles the lane's records in order. After {@link #SLICE} records it goes to the back of the
   * pool's queue, so that partitions sharing a thread take turns even while one of them is fed
   * faster than it is handled.
   */
  private void drain(Lane lane) {
    int handled = 0;
    while (true) {
      List<ConsumerRecord<byte[], byte[]>> head;
      synchronized (this) {
        if (closed || lane.queue.isEmpty()) {
          lane.scheduled = false;
          notifyAll();
          return;
        }
        if (handled >= SLICE) {
          pool.execute(() -> drain(lane));
          return;
        }
        head = lane.head(batchSize);
        lane.busy = true;
      }
      Next next;
      try {
        next = step.process(head, lane, this);
        handled += head.size();
      } catch (RuntimeException | Error e) {
        next = Next.stop(0, e);
      }
      synchronized (this) {
        lane.busy = false;
        for (int i = 0; i < next.done(); i++) {
          long offset = lane.queue.poll().offset();
          if (!deferred.contains(offset)) {
            finished(offset);
          }
        }
        notifyAll();
        switch (next.kind()) {
          case GO_ON -> { }
          case RETRY -> {
            timer.schedule(() -> pool.execute(() -> drain(lane)), next.delayMillis(), TimeUnit.MILLISECONDS);
            return;
          }
          case STOP -> {
            closed = true;
            lane.scheduled = false;
            onStop.accept(next.error());
            return;
          }
        }
      }
    }
  }

  /**
   * The handler of {@code offset} returned but the record is finished only when {@code stage}
   * completes (its lane goes on meanwhile; the record counts as in flight and holds the commit back). A
   * stage that fails stops the subscription, leaving the record uncommitted for redelivery.
   */
  synchronized void defer(long offset, java.util.concurrent.CompletionStage<?> stage) {
    deferred.add(offset);
    stage.whenComplete((ok, error) -> {
      synchronized (this) {
        deferred.remove(offset);
        if (error == null) {
          finished(offset);
        } else if (!closed) {
          onStop.accept(error);
        }
        notifyAll();
      }
    });
  }

  private void finished(long offset) {
    for (long[] p : pending) {
      if (p[0] == offset) {
        p[1] = 1;
        break;
      }
    }
    while (!pending.isEmpty() && pending.peek()[1] == 1) {
      nextAfterDone = pending.poll()[0] + 1;
    }
    publishCommittable();
    if (paused && !wakeSent && pending.size() <= resumeAt) {
      // Wake the poll thread so it resumes this partition now rather than after its poll timeout.
      wakeSent = true;
      wake.run();
    }
  }

  private void publishCommittable() {
    long contiguous = pending.isEmpty() ? nextAfterDone : pending.peek()[0];
    long c = autoCommit ? contiguous : Math.min(manualMark, contiguous);
    if (c > committable) {
      committable = c;
    }
  }

  /** In manual mode: everything before {@code nextOffset} may be committed once it is finished. */
  synchronized void commitUpTo(long nextOffset) {
    manualMark = Math.max(manualMark, nextOffset);
  }

  /** The offset to commit now, or -1 when nothing new is committable (poll thread). */
  long committable() {
    long c = committable;
    return c > lastCommitted ? c : -1;
  }

  /**
   * The offset a new owner of the partition would start from, as far as this work knows: the last
   * offset it committed, else the first it was given; -1 when it has neither (poll thread).
   */
  synchronized long committedBase() {
    return lastCommitted >= 0 ? lastCommitted : firstOffset;
  }

  /** Records that {@code offset} was committed (poll thread). */
  void committed(long offset) {
    lastCommitted = Math.max(lastCommitted, offset);
  }

  /**
   * Stops taking new records and waits until running handlers return, at most until {@code
   * deadlineNanos}; true when none runs any more.
   */
  synchronized boolean closeAndAwait(long deadlineNanos) throws InterruptedException {
    closed = true;
    while (anyBusy()) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private boolean anyBusy() {
    if (!deferred.isEmpty()) {
      return true;
    }
    for (Lane lane : lanes) {
      if (lane.busy) {
        return true;
      }
    }
    return false;
  }

  boolean paused() {
    return paused;
  }

  /** The number of pending records at or below which a paused partition resumes. */
  synchronized int resumeAt() {
    return resumeAt;
  }

  /** Marks the partition paused until at most {@code resumeAt} records are pending (poll thread). */
  synchronized void pause(int resumeAt) {
    this.resumeAt = resumeAt;
    this.wakeSent = false;
    this.paused = true;
  }

  synchronized void resume() {
    this.paused = false;
  }
}
