package dev.tidings.logging;

/**
 * Counters of a {@link KafkaHandler} or {@link KafkaAppender} since it started, for metrics and
 * tests.
 *
 * @param accepted events put on the queue
 * @param published events the broker stored
 * @param dropped events not queued: the queue was full (or, with {@code dropBelowWarnFirst}, nearly
 *     full and the event was below WARN), or the handler was closing
 * @param failed queued events that were not stored: the broker did not acknowledge them within
 *     {@code delivery.timeout.ms}, the record could not be built, or the close timeout ran out
 * @param excluded events that are never published to avoid recursion: from the Kafka client or
 *     broker ({@code org.apache.kafka.*}, {@code kafka.*}, {@code state.change.logger}), from Tidings
 *     ({@code dev.tidings.*}) or logged on the extension's own threads
 * @param notices synthetic records published to announce drops and failures
 * @param queued events waiting in the queue now
 */
public record DeliveryStats(
    long accepted, long published, long dropped, long failed, long excluded, long notices, int queued) {}
