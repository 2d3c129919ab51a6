package dev.tidings.transport;

import dev.tidings.PublishResult;

/**
 * Where a message landed.
 *
 * @param transport the transport type that confirmed it ({@code kafka}, {@code http}, {@code file}, ...)
 * @param target the topic (Kafka, HTTP ingress), the file (file), {@code stdout} (console) or the
 *     stream (memory)
 * @param partition the partition, or -1 where there is none
 * @param offset the offset in the partition, or the line number (file, console), or the index (memory)
 * @param status the HTTP status of the answer, or 0
 */
public record Delivery(String transport, String target, int partition, long offset, int status) {
  /** Stored by a Kafka broker. */
  public static Delivery kafka(String topic, int partition, long offset) {
    return new Delivery("kafka", topic, partition, offset, 0);
  }

  /** Written to line {@code line} (from 1) of {@code file}. */
  public static Delivery line(String transport, String file, long line) {
    return new Delivery(transport, file, -1, line, 0);
  }

  /** As a {@link PublishResult}: topic (or file) and partition and offset (or line). */
  public PublishResult toPublishResult() {
    return new PublishResult(target, partition, offset);
  }
}
