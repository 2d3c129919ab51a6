package dev.tidings;

/** What a subscription does with a record whose handler failed or whose input is poison. */
public enum FailurePolicy {
  /**
   * Retry the record with exponential backoff (the partition waits, the consumer keeps polling),
   * then send it to the dead-letter stream. Poison input goes to the dead-letter stream at once.
   */
  RETRY,
  /** Send the record to the dead-letter stream without retrying. */
  DEAD_LETTER,
  /** Log, count and skip the record. */
  SKIP,
  /** Stop this subscription and report it unhealthy; the record stays uncommitted. */
  STOP
}
