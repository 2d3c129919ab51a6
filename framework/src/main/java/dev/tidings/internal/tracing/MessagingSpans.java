package dev.tidings.internal.tracing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The Kafka spans, named and described with the OpenTelemetry messaging semantic conventions ({@code
 * <operation> <topic>}; {@code messaging.system=kafka}, {@code messaging.destination.name}, {@code
 * messaging.operation.type} and {@code .name}, {@code messaging.kafka.message.key} when the key is UTF-8 text,
 * {@code messaging.kafka.offset}, {@code messaging.destination.partition.id}, {@code messaging.consumer.group.name},
 * {@code messaging.batch.message_count}, {@code messaging.message.conversation_id} for requests and replies, {@code
 * error.type} on failure) plus {@code tidings.*} attributes. The context travels in the W3C {@code traceparent} (and
 * {@code tracestate}) headers of the records.
 */
public final class MessagingSpans {
  /** Operation name of a publish. */
  public static final String SEND = "send";
  /** Operation name of writing a dead letter. */
  public static final String DEAD_LETTER = "dead-letter";
  /** Operation name of republishing a dead letter to its origin. */
  public static final String REPLAY = "replay";
  /** Operation name of handling a record or a batch. */
  public static final String PROCESS = "process";
  /** Operation name of a request's round trip, from its publish to its reply (a CLIENT span). */
  public static final String REQUEST = "request";

  public static final String SYSTEM = "messaging.system";
  public static final String DESTINATION = "messaging.destination.name";
  public static final String OPERATION_TYPE = "messaging.operation.type";
  public static final String OPERATION_NAME = "messaging.operation.name";
  public static final String MESSAGE_KEY = "messaging.kafka.message.key";
  public static final String OFFSET = "messaging.kafka.offset";
  public static final String PARTITION = "messaging.destination.partition.id";
  public static final String GROUP = "messaging.consumer.group.name";
  public static final String BATCH_COUNT = "messaging.batch.message_count";
  /** The correlation id of a request and of its reply. */
  public static final String CONVERSATION_ID = "messaging.message.conversation_id";
  /** The topic a request's reply is expected on. */
  public static final String REPLY_TO = "tidings.reply_to";
  /** The {@code code} of the {@code Failure} a request was answered with. */
  public static final String FAILURE_CODE = "tidings.failure.code";
  /** Which attempt at the record a process span is (1 for the first). */
  public static final String ATTEMPT = "tidings.attempt";
  /** The event on a failed attempt that will be retried ({@code tidings.retry.delay_ms}, {@code tidings.attempt}). */
  public static final String RETRY_EVENT = "tidings.retry";
  /** The event on a span whose record goes to the dead-letter stream. */
  public static final String DEAD_LETTER_EVENT = "tidings.dead_letter";

  private static final String TRACEPARENT = "traceparent";
  private static final String TRACESTATE = "tracestate";
  private static final String CORRELATION_ID = "tidings.correlation-id";

  private MessagingSpans() {}

  /** A record's headers with the context of its producer span, and that span (end it on the broker's answer). */
  public record Outgoing(TraceSpan span, Iterable<Header> headers) {}

  /**
   * Starts the producer span of a record about to be sent to {@code topic}. Its parent is the trace context of
   * {@code headers} or the current span (see {@link SpanStarter#parentFrom}); the returned headers carry the new
   * span's context instead of the old one. Without a context (no SDK registered) the headers are returned as given.
   *
   * @param operation {@link #SEND}, {@link #DEAD_LETTER} or {@link #REPLAY}
   * @param attributes more attributes for the span
   */
  public static Outgoing send(Tracing tracing, String operation, String topic, byte[] key, Iterable<Header> headers,
      Map<String, String> attributes) {
    if (!tracing.enabled()) {
      return new Outgoing(TraceSpan.NONE, headers);
    }
    SpanStarter starter = tracing.span(operation + " " + topic, SpanKind.PRODUCER)
        .parentFrom(carrier(headers))
        .attribute(SYSTEM, "kafka")
        .attribute(DESTINATION, topic)
        .attribute(OPERATION_TYPE, "send")
        .attribute(OPERATION_NAME, operation)
        .attribute(MESSAGE_KEY, text(key));
    attributes.forEach(starter::attribute);
    TraceSpan span = starter.start();
    if (!span.hasContext()) {
      return new Outgoing(span, headers);
    }
    return new Outgoing(span, withContext(span, headers));
  }

  /**
   * {@code headers} with the trace context of {@code span} instead of theirs ({@code traceparent}, {@code
   * tracestate}); {@code headers} unchanged (a copy) when the span has no context.
   */
  public static List<Header> withContext(TraceSpan span, Iterable<Header> headers) {
    List<Header> out = new ArrayList<>();
    boolean replace = span.hasContext();
    if (headers != null) {
      for (Header h : headers) {
        if (!replace || (!h.key().equals(TRACEPARENT) && !h.key().equals(TRACESTATE))) {
          out.add(h);
        }
      }
    }
    span.inject((k, v) -> out.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
    return out;
  }

  /**
   * Starts the CLIENT span of a request's round trip: from before its publish until its reply arrives or it fails
   * (timeout, failure reply, refused publish). Its parent is the trace context read with {@code parent} or the
   * current span (see {@link SpanStarter#parentFrom}); the request's producer span is meant to be its child (send the
   * request with {@link #withContext} headers of this span).
   *
   * @param topic the request's topic
   * @param replyTopic the topic the reply is expected on
   */
  public static TraceSpan request(Tracing tracing, String topic, byte[] key, String correlationId, String replyTopic,
      Function<String, String> parent) {
    if (!tracing.enabled()) {
      return TraceSpan.NONE;
    }
    return tracing.span(REQUEST + " " + topic, SpanKind.CLIENT)
        .parentFrom(parent)
        .attribute(SYSTEM, "kafka")
        .attribute(DESTINATION, topic)
        .attribute(OPERATION_NAME, REQUEST)
        .attribute(MESSAGE_KEY, text(key))
        .attribute(CONVERSATION_ID, correlationId)
        .attribute(REPLY_TO, replyTopic)
        .start();
  }

  /**
   * Starts the consumer span of one attempt at handling {@code record}, continuing the record's trace context.
   *
   * @param attempt 1 for the first attempt
   */
  public static TraceSpan process(Tracing tracing, ConsumerRecord<byte[], byte[]> record, String group, int attempt) {
    if (!tracing.enabled()) {
      return TraceSpan.NONE;
    }
    return tracing.span(PROCESS + " " + record.topic(), SpanKind.CONSUMER)
        .parentFrom(carrier(record.headers()))
        .attribute(SYSTEM, "kafka")
        .attribute(DESTINATION, record.topic())
        .attribute(OPERATION_TYPE, PROCESS)
        .attribute(OPERATION_NAME, PROCESS)
        .attribute(PARTITION, Integer.toString(record.partition()))
        .attribute(OFFSET, record.offset())
        .attribute(MESSAGE_KEY, text(record.key()))
        .attribute(GROUP, group)
        .attribute(ATTEMPT, attempt)
        .attribute(CONVERSATION_ID, carrier(record.headers()).apply(CORRELATION_ID))
        .start();
  }

  /**
   * Starts the consumer span of one call of a batch handler: linked to the trace context of every record, and a
   * child of the first record's context when the batch holds one record.
   */
  public static TraceSpan batch(Tracing tracing, List<ConsumerRecord<byte[], byte[]>> records, String group,
      int attempt) {
    if (!tracing.enabled()) {
      return TraceSpan.NONE;
    }
    ConsumerRecord<byte[], byte[]> first = records.get(0);
    SpanStarter starter = tracing.span(PROCESS + " " + first.topic(), SpanKind.CONSUMER)
        .attribute(SYSTEM, "kafka")
        .attribute(DESTINATION, first.topic())
        .attribute(OPERATION_TYPE, PROCESS)
        .attribute(OPERATION_NAME, PROCESS)
        .attribute(PARTITION, Integer.toString(first.partition()))
        .attribute(OFFSET, first.offset())
        .attribute(BATCH_COUNT, records.size())
        .attribute(GROUP, group)
        .attribute(ATTEMPT, attempt);
    if (records.size() == 1) {
      starter.parentFrom(carrier(first.headers()));
    } else {
      starter.parentFrom(name -> null);
    }
    for (ConsumerRecord<byte[], byte[]> r : records) {
      starter.link(carrier(r.headers()));
    }
    return starter.start();
  }

  /** Reads the last header of a name as UTF-8, for {@link SpanStarter#parentFrom} and {@link SpanStarter#link}. */
  public static Function<String, String> carrier(Iterable<Header> headers) {
    return name -> {
      String value = null;
      if (headers != null) {
        for (Header h : headers) {
          if (h.key().equals(name) && h.value() != null) {
            value = new String(h.value(), StandardCharsets.UTF_8);
          }
        }
      }
      return value;
    };
  }

  /** The key as text when it is valid UTF-8, else null (the conventions leave binary keys out). */
  private static String text(byte[] key) {
    if (key == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
