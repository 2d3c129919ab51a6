package dev.tidings.internal.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.DecodeException;
import dev.tidings.MessageContext;
import dev.tidings.Subscriber;
import dev.tidings.internal.codec.Envelope;
import dev.tidings.internal.codec.EnvelopeCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** One consumed record as its handler sees it; the envelope is parsed at most once. */
final class Delivery implements MessageContext {
  private final ConsumerRecord<byte[], byte[]> record;
  private final String stream;
  private final EnvelopeCodec codec;
  private final Subscriber subscriber;
  private final Application application;
  private Envelope envelope;
  private DecodeException parseFailure;
  private EnvelopeCodec.Exact exact;
  private boolean exactTried;
  private java.util.concurrent.CompletionStage<?> deferral;

  Delivery(ConsumerRecord<byte[], byte[]> record, String stream, EnvelopeCodec codec,
      Subscriber subscriber, Application application) {
    this.record = record;
    this.stream = stream;
    this.codec = codec;
    this.subscriber = subscriber;
    this.application = application;
  }

  /**
   * The record when the envelope takes the codec's exact route ({@link EnvelopeCodec#decodeExact})
   * and its schema is one {@code wanted} accepts, else {@code null}; tried once.
   */
  EnvelopeCodec.Exact exact(Predicate<String> wanted) {
    if (!exactTried) {
      exactTried = true;
      exact = codec.decodeExact(record.value(), wanted);
    }
    return exact;
  }

  /** Makes the record finished only when {@code stage} completes (see {@link Deferrals}). */
  void defer(java.util.concurrent.CompletionStage<?> stage) {
    if (deferral != null) {
      throw new IllegalStateException("the handler of " + this + " deferred its completion twice");
    }
    deferral = stage;
  }

  /** The stage the handler deferred completion to, or {@code null}. */
  java.util.concurrent.CompletionStage<?> deferral() {
    return deferral;
  }

  /** The parsed envelope; throws the same {@link DecodeException} on every call if unparseable. */
  Envelope parsed() {
    if (envelope == null && parseFailure == null) {
      try {
        envelope = codec.parse(record.value());
      } catch (DecodeException e) {
        parseFailure = e;
      }
    }
    if (parseFailure != null) {
      throw parseFailure;
    }
    return envelope;
  }

  @Override
  public String schema() {
    if (exact != null) {
      return exact.schemaKey();
    }
    try {
      return parsed().schemaKey();
    } catch (DecodeException e) {
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
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  @Override
  public JsonNode envelope() {
    return parsed().root();
  }

  @Override
  public ConsumerRecord<byte[], byte[]> consumerRecord() {
    return record;
  }

  @Override
  public Subscriber subscriber() {
    return subscriber;
  }

  @Override
  public Application application() {
    return application;
  }

  @Override
  public String toString() {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
