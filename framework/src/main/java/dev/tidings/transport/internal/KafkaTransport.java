package dev.tidings.transport.internal;

import dev.tidings.PublishResult;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.kafka.TopicAdmin;
import dev.tidings.transport.Delivery;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The {@code kafka} transport: the framework's {@link Publisher} (one idempotent producer, topics
 * created on first use). An application's default transport shares the application's own publisher;
 * one configured with its own servers, prefix or settings owns a publisher of its own.
 */
public final class KafkaTransport implements Transport {
  private final Publisher publisher;
  private final TopicAdmin topics;
  private final boolean owned;
  private final String prefix;

  /** Over {@code publisher}; {@code topics} is closed with it when {@code owned}. */
  public KafkaTransport(Publisher publisher, TopicAdmin topics, boolean owned, String prefix) {
    this.publisher = publisher;
    this.topics = topics;
    this.owned = owned;
    this.prefix = prefix;
  }

  /**
   * The application's publish path: Kafka headers as they are, the answer as a {@link
   * PublishResult}, without converting anything.
   */
  public CompletableFuture<PublishResult> publish(
      String stream, Duration retention, byte[] key, byte[] value, List<Header> headers) {
    return publisher.send(stream, retention, key, value, headers);
  }

  @Override
  public CompletionStage<Delivery> send(OutgoingMessage m) {
    return publisher.send(m.stream(), m.retention(), m.key(), m.envelope(), kafkaHeaders(m.headers()))
        .thenApply(r -> Delivery.kafka(r.topic(), r.partition(), r.offset()));
  }

  static List<Header> kafkaHeaders(List<OutgoingMessage.Header> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    List<Header> out = new ArrayList<>(headers.size());
    for (OutgoingMessage.Header h : headers) {
      out.add(new RecordHeader(h.name(), h.value()));
    }
    return out;
  }

  /** Blocks until the producer has an answer for everything sent (Kafka's flush has no bound of its own). */
  @Override
  public boolean flush(Duration timeout) {
    publisher.flush();
    return true;
  }

  @Override
  public String type() {
    return "kafka";
  }

  /** The topic prefix of this transport. */
  public String prefix() {
    return prefix;
  }

  @Override
  public void close() {
    if (owned) {
      publisher.close();
      topics.close();
    }
  }

  @Override
  public String toString() {
    return "kafka transport (prefix '" + prefix + "'" + (owned ? "" : ", the application's producer") + ")";
  }
}
