package dev.tidings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a handler may want to know about the message it handles, beyond the payload. */
public interface MessageContext {
  /** The envelope's {@code schema} ({@code "Name:1"}), or {@code null} when it has none. */
  String schema();

  /** The stream: the topic without the application's topic prefix. */
  String stream();

  /** The full topic name. */
  String topic();

  int partition();

  long offset();

  /** The record's timestamp in epoch milliseconds. */
  long timestamp();

  /** The raw key bytes, or {@code null}. */
  byte[] key();

  /** The raw value bytes (the whole envelope). */
  byte[] value();

  /** The last value of header {@code name} decoded as UTF-8, if present. */
  Optional<String> header(String name);

  /** The whole envelope as a JSON tree (parsed on first use). */
  JsonNode envelope();

  /** The Kafka record, for handlers that need everything. */
  ConsumerRecord<byte[], byte[]> consumerRecord();

  /** Publishes with this message's headers propagated, and commits in manual mode. */
  Subscriber subscriber();

  /** The application running this handler. */
  Application application();
}
