package dev.tidings.internal.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides, after every poll, which partitions the consumer fetches: a partition with {@code
 * maxInFlight} records waiting is paused until half of them are done, and partitions fetched to
 * their end are held paused while others lag ({@link IdleHolds}). Used by the poll thread only.
 */
final class FlowControl {
  /** How long new records of an idle partition may wait while others catch up. */
  private static final long MAX_IDLE_HOLD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int maxInFlight;
  private final IdleHolds idleHolds;

  /**
   * @param consumerSettings the consumer's configuration, for its {@code fetch.max.wait.ms}
   * @param poll the poll timeout: a released partition stays unpaused for one fetch and one poll
   */
  FlowControl(int maxInFlight, Map<String, Object> consumerSettings, Duration poll) {
    this.maxInFlight = maxInFlight;
    long fetchWait = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(String.valueOf(consumerSettings.getOrDefault(
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, ConsumerConfig.DEFAULT_FETCH_MAX_WAIT_MS))));
    this.idleHolds = new IdleHolds(MAX_IDLE_HOLD_NANOS, fetchWait + poll.toNanos());
  }

  /** Pauses and resumes the partitions of {@code works} on {@code consumer} as they need now. */
  void apply(Consumer<byte[], byte[]> consumer, Collection<PartitionWork> works) {
    Map<TopicPartition, Long> lags = new HashMap<>();
    for (PartitionWork work : works) {
      int size = work.size();
      if (!work.paused() && size >= maxInFlight) {
        work.pause(maxInFlight / 2);
      } else if (work.paused() && size <= work.resumeAt()) {
        work.resume();
      }
      OptionalLong lag = consumer.currentLag(work.partition);
      lags.put(work.partition, lag.isPresent() ? lag.getAsLong() : -1L);
    }
    Set<TopicPartition> held = idleHolds.decide(lags, System.nanoTime());
    Set<TopicPartition> paused = consumer.paused();
    List<TopicPartition> pause = new ArrayList<>();
    List<TopicPartition> resume = new ArrayList<>();
    for (PartitionWork work : works) {
      boolean want = work.paused() || held.contains(work.partition);
      boolean is = paused.contains(work.partition);
      if (want && !is) {
        pause.add(work.partition);
      } else if (!want && is) {
        resume.add(work.partition);
      }
    }
    if (!pause.isEmpty()) {
      consumer.pause(pause);
    }
    if (!resume.isEmpty()) {
      consumer.resume(resume);
    }
  }

  /** Forgets a partition that was revoked or lost. */
  void forget(TopicPartition partition) {
    idleHolds.forget(partition);
  }
}
