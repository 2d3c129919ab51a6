package dev.tidings;

/** How the consumers of a subscription share its records. */
public enum SubscriptionMode {
  /**
   * A classic consumer group (the default): each partition belongs to one consumer of the group at
   * a time, records of a partition are handled in offset order, and offsets are committed.
   * Parallelism is bounded by the partition count.
   */
  CLASSIC,
  /**
   * A queue subscription on a Kafka share group (KIP-932): every consumer of the group may get any
   * record of any partition, each record is acknowledged on its own (accepted when handled,
   * released for redelivery when a retryable attempt failed), and the broker counts delivery
   * attempts. Parallelism is not bounded by partitions: {@code concurrency} consumers per
   * application, across any number of applications. There is no ordering, no manual commit and no
   * batch handler; delivery is at-least-once (a crashed consumer's records are redelivered when
   * their acquisition lock expires).
   */
  SHARE
}
