package dev.tidings.internal.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.MessageContext;
import dev.tidings.Subscriber;
import dev.tidings.internal.codec.EnvelopeCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A reply as the caller of {@code requestContext} sees it. */
final class ReplyContext implements MessageContext {
  private final ConsumerRecord<byte[], byte[]> record;
  private final String stream;
  private final EnvelopeCodec codec;
  private final Application application;
  private volatile JsonNode envelope;

  ReplyContext(ConsumerRecord<byte[], byte[]> record, String stream, EnvelopeCodec codec, Application application) {
    this.record = record;
    this.stream = stream;
    this.codec = codec;
    this.application = application;
  }

  @Override
  public String schema() {
    try {
      return codec.parse(record.value()).schemaKey();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public String topic() {
    return record.topic();
  }

  @Override
  public int partition() {
    return record.partition();
  }

  @Override
  public long offset() {
    return record.offset();
  }

  @Override
  public long timestamp() {
    return record.timestamp();
  }

  @Override
  public byte[] key() {
    return record.key();
  }

  @Override
  public byte[] value() {
    return record.value();
  }

  @Override
  public Optional<String> header(String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
  }

  @Override
  public JsonNode envelope() {
    JsonNode e = envelope;
    if (e == null) {
      e = codec.parse(record.value()).root();
      envelope = e;
    }
    return e;
  }

  @Override
  public ConsumerRecord<byte[], byte[]> consumerRecord() {
    return record;
  }

  /**
   * A reply is not consumed by a subscription, so there is nothing to commit or propagate.
   *
   * @throws UnsupportedOperationException always; publish with {@link #application()}
   */
  @Override
  public Subscriber subscriber() {
    throw new UnsupportedOperationException("a reply is read outside any subscription, so it has no"
        + " Subscriber: publish with context.application().publish(...) instead");
  }

  @Override
  public Application application() {
    return application;
  }

  @Override
  public String toString() {
    return "reply " + record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
