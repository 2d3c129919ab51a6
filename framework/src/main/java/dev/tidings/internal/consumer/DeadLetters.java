package dev.tidings.internal.consumer;

import dev.tidings.ConfigurationException;
import dev.tidings.Subscription;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.tracing.MessagingSpans;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes failed records to their dead-letter stream: key, value and headers byte for byte, plus
 * headers {@code tidings.dlt.*} that say where the record came from and why it failed.
 */
public final class DeadLetters {
  /** The prefix of every header this class adds. */
  public static final String HEADER_PREFIX = "tidings.dlt.";
  /** The default suffix of a dead-letter stream. */
  public static final String SUFFIX = ".dlt";
  private static final int MAX_TRACE = 4096;

  private final Publisher publisher;
  private final String group;
  private final String configuredStream;

  DeadLetters(Publisher publisher, String group, String configuredStream) {
    this.publisher = publisher;
    this.group = group;
    this.configuredStream = configuredStream;
  }

  /**
   * Refuses a subscription that would consume its own dead letters and cannot be kept from it: one
   * that names its dead-letter stream among its own streams (explicitly, or as a pattern without a
   * wildcard), or that reads both a stream and that stream's default dead-letter stream. A pattern
   * subscription is always safe: {@link Globs#subscriptionPattern} leaves its dead-letter topics
   * out.
   *
   * @throws ConfigurationException naming the subscription, the stream and what to change
   */
  static void refuseSelfFeeding(Subscription spec) {
    List<String> streams;
    if (spec.pattern() != null) {
      if (Globs.isPattern(spec.pattern())) {
        return;
      }
      streams = List.of(spec.pattern());
    } else {
      streams = spec.streams();
    }
    String configured = spec.deadLetterStream();
    for (String stream : streams) {
      String deadLetters = configured != null ? configured : stream + SUFFIX;
      if (streams.contains(deadLetters)) {
        throw new ConfigurationException("subscription " + spec + " reads '" + deadLetters + "', which is also"
            + " where it dead-letters the records of '" + stream + "' it fails on: it would consume its own dead"
            + " letters and fail on them again. Set deadLetterStream to a stream it does not read, or subscribe"
            + " to the dead letters in another group.");
      }
    }
  }

  /** The dead-letter stream of records from {@code stream}. */
  String streamFor(String stream) {
    return configuredStream != null ? configuredStream : stream + SUFFIX;
  }

  /** Publishes the dead letter; completes when the broker has stored it. */
  CompletableFuture<?> send(
      ConsumerRecord<byte[], byte[]> record, String stream, String reason, Throwable error,
      int attempts, long firstFailureMillis, long lastFailureMillis) {
    List<Header> headers = new ArrayList<>();
    for (Header h : record.headers()) {
      if (!h.key().startsWith(HEADER_PREFIX)) {
        headers.add(h);
      }
    }
    add(headers, "topic", record.topic());
    add(headers, "partition", Integer.toString(record.partition()));
    add(headers, "offset", Long.toString(record.offset()));
    add(headers, "timestamp", Long.toString(record.timestamp()));
    add(headers, "group", group);
    add(headers, "reason", reason);
    if (error != null) {
      add(headers, "exception.class", error.getClass().getName());
      add(headers, "exception.message", String.valueOf(error.getMessage()));
      add(headers, "exception.stacktrace", truncatedTrace(error));
    }
    add(headers, "attempts", Integer.toString(attempts));
    add(headers, "first-failure", Instant.ofEpochMilli(firstFailureMillis).toString());
    add(headers, "last-failure", Instant.ofEpochMilli(lastFailureMillis).toString());
    return publisher.send(streamFor(stream), null, record.key(), record.value(), headers, MessagingSpans.DEAD_LETTER,
        Map.of("tidings.dead_letter.reason", reason, "tidings.dead_letter.origin",
            record.topic() + "/" + record.partition() + "/" + record.offset()));
  }

  private static void add(List<Header> headers, String name, String value) {
    headers.add(new RecordHeader(HEADER_PREFIX + name, value.getBytes(StandardCharsets.UTF_8)));
  }

  private static String truncatedTrace(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    String trace = out.toString();
    return trace.length() <= MAX_TRACE ? trace : trace.substring(0, MAX_TRACE) + "\n\t... (truncated)";
  }
}
