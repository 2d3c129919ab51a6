package dev.tidings.internal.consumer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An ordered queue of records that one task at a time drains (a partition in partition order, or a
 * group of keys in key order). Also holds the failure bookkeeping of its head record, which only the
 * draining task touches.
 */
final class Lane {
  final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
  boolean scheduled;
  boolean busy;
  /** The offset of the record that {@link #attempts} counts for. */
  long failingOffset = -1;
  /** Failed attempts at the record at {@link #failingOffset} so far. */
  int attempts;
  /** When that record first failed, epoch millis. */
  long firstFailureMillis;

  /** Up to {@code max} records from the head; the lane is not empty. */
  List<ConsumerRecord<byte[], byte[]>> head(int max) {
    if (max == 1) {
      return List.of(queue.getFirst());
    }
    List<ConsumerRecord<byte[], byte[]>> head = new ArrayList<>(Math.min(max, queue.size()));
    for (ConsumerRecord<byte[], byte[]> r : queue) {
      if (head.size() == max) {
        break;
      }
      head.add(r);
    }
    return head;
  }

  /** Counts a failed attempt at the record at {@code offset}; returns the attempts so far. */
  int failed(long offset, long nowMillis) {
    if (failingOffset != offset) {
      failingOffset = offset;
      attempts = 0;
      firstFailureMillis = nowMillis;
    }
    return ++attempts;
  }
}
