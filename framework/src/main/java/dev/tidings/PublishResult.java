package dev.tidings;

/**
 * Where the broker stored a published message.
 *
 * @param topic the full topic name (prefix + stream)
 * @param partition the partition
 * @param offset the offset within the partition
 */
public record PublishResult(String topic, int partition, long offset) {}
