package dev.tidings.internal.consumer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps partitions that have been fetched to their end paused while other partitions of the same
 * consumer still have records to fetch.
 *
 * <p>Why: a consumer keeps one fetch in flight per broker, and a fetch that only asks partitions
 * with nothing new is held by the broker for {@code fetch.max.wait.ms}. Flow control pauses a busy
 * partition and resumes it later; if, meanwhile, an idle partition's fetch was sent and parked, the
 * resumed partition waits behind it, up to {@code fetch.max.wait.ms} per fetch. Measured: a
 * subscription catching up on two partitions next to one idle partition read 8 times slower than
 * with the idle one held.
 *
 * <p>A hold lasts while another partition lags, but at most {@code maxHold}; then the partition is
 * released for {@code release} (long enough for one fetch of it to complete), so that new records
 * of an idle partition wait at most about {@code maxHold} while others catch up. Used by the poll
 * thread only.
 */
final class IdleHolds {
  private final long maxHoldNanos;
  private final long releaseNanos;
  private final Map<TopicPartition, Long> heldSince = new HashMap<>();
  private final Map<TopicPartition, Long> releasedUntil = new HashMap<>();

  IdleHolds(long maxHoldNanos, long releaseNanos) {
    this.maxHoldNanos = maxHoldNanos;
    this.releaseNanos = releaseNanos;
  }

  /**
   * The partitions to hold now.
   *
   * @param lags each assigned partition's lag as the consumer knows it, {@code -1} when unknown
   */
  Set<TopicPartition> decide(Map<TopicPartition, Long> lags, long now) {
    int lagging = 0;
    for (long lag : lags.values()) {
      if (lag > 0) {
        lagging++;
      }
    }
    Set<TopicPartition> held = new HashSet<>();
    for (Map.Entry<TopicPartition, Long> e : lags.entrySet()) {
      TopicPartition tp = e.getKey();
      boolean atEnd = e.getValue() == 0;
      Long since = heldSince.get(tp);
      if (!atEnd || lagging == 0) {
        heldSince.remove(tp);
      } else if (since != null) {
        if (now - since < maxHoldNanos) {
          held.add(tp);
        } else {
          heldSince.remove(tp);
          releasedUntil.put(tp, now + releaseNanos);
        }
      } else if (now - releasedUntil.getOrDefault(tp, now) >= 0) {
        heldSince.put(tp, now);
        held.add(tp);
      }
    }
    return held;
  }

  /** Forgets a partition that was revoked. */
  void forget(TopicPartition tp) {
    heldSince.remove(tp);
    releasedUntil.remove(tp);
  }
}
