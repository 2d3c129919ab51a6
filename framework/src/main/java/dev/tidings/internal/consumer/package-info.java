/**
 * The consumer engine: one thread per subscription owns its {@code KafkaConsumer}; records are
 * handled per partition, in order, on a bounded pool; offsets are committed contiguously. Queue
 * subscriptions ({@code mode = SHARE}) run {@link dev.tidings.internal.consumer.ShareRunner}
 * instead: N threads, each owning a {@code KafkaShareConsumer}, acknowledging record by record.
 */
package dev.tidings.internal.consumer;
