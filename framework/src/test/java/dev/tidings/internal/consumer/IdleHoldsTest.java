package dev.tidings.internal.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class IdleHoldsTest {
  private static final TopicPartition IDLE = new TopicPartition("t", 0);
  private static final TopicPartition BUSY = new TopicPartition("t", 1);
  private final IdleHolds holds = new IdleHolds(1_000, 300);

  @Test
  void aPartitionAtItsEndIsHeldOnlyWhileAnotherLags() {
    assertEquals(Set.of(IDLE), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 0));
    assertEquals(Set.of(IDLE), holds.decide(Map.of(IDLE, 0L, BUSY, 10L), 500));
    assertEquals(Set.of(), holds.decide(Map.of(IDLE, 0L, BUSY, 0L), 600), "nobody lags: nothing to protect");
    assertEquals(Set.of(), holds.decide(Map.of(IDLE, 3L, BUSY, 10L), 700), "lagging itself: fetch it");
    assertEquals(Set.of(), holds.decide(Map.of(IDLE, -1L, BUSY, 10L), 800), "unknown lag: not held");
  }

  @Test
  void aHoldEndsAfterItsMaximumAndTheReleaseLastsLongEnoughForOneFetch() {
    assertEquals(Set.of(IDLE), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 0));
    assertEquals(Set.of(IDLE), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 999));
    assertEquals(Set.of(), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 1_000), "held for the maximum: released");
    assertEquals(Set.of(), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 1_299), "still released");
    assertEquals(Set.of(IDLE), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 1_300), "held again");
  }

  @Test
  void aRevokedPartitionIsForgotten() {
    holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 0);
    holds.forget(IDLE);
    assertEquals(Set.of(), holds.decide(Map.of(BUSY, 500L), 10));
    assertEquals(Set.of(IDLE), holds.decide(Map.of(IDLE, 0L, BUSY, 500L), 5_000), "a fresh hold");
  }
}
