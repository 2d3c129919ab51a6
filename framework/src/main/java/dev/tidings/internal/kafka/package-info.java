/**
 * Kafka adapters: client settings, topic administration and the publisher. The Kafka clients are
 * used from here and from the consumer package only.
 */
package dev.tidings.internal.kafka;
