package dev.tidings;

/**
 * Where the broker stored a published message.
 *
 * @param topic the full topic name (prefix + stream)
 * @param partition the partition
 * @param offset the offset within the partition
 * @param timestamp the record's timestamp as the broker stored it (epoch milliseconds: the
 *     producer's create time, or the broker's append time on topics with {@code
 *     message.timestamp.type=LogAppendTime}); {@code -1} when unknown
 */
public record PublishResult(String topic, int partition, long offset, long timestamp) {

  /** A result without a known timestamp ({@code -1}). */
  public PublishResult(String topic, int partition, long offset) {
    this(topic, partition, offset, -1L);
  }
}
