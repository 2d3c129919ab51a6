/**
 * The consumer engine: one thread per subscription owns its {@code KafkaConsumer}; records are
 * handled per partition, in order, on a bounded pool; offsets are committed contiguously.
 */
package dev.tidings.internal.consumer;
