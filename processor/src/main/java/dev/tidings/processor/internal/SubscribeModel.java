package dev.tidings.processor.internal;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** The validated {@code @Subscribe} methods of one class, grouped into subscriptions. */
record SubscribeModel(
    TypeElement type, boolean constructible, List<Group> subscriptions, ClassName generated) {

  /** What a handler receives as its payload. */
  enum Payload {
    /** A {@code @Schema} record: a typed handler, {@code on(Type.class, ...)}. */
    RECORD(null),
    /** The raw value: {@code onAny(...)} with {@code ctx.value()}. */
    BYTES("ctx.value()"),
    /** The envelope as a JSON tree: {@code ctx.envelope()}. */
    JSON_NODE("ctx.envelope()"),
    /** The Kafka record: {@code ctx.consumerRecord()}. */
    CONSUMER_RECORD("ctx.consumerRecord()"),
    /** A {@code List} of a {@code @Schema} record: a batch handler, {@code onBatch(Type.class, ...)}. */
    BATCH("payloads");

    final String expression;

    Payload(String expression) {
      this.expression = expression;
    }
  }

  /** What each parameter of a handler method gets, in order. */
  enum Argument {
    PAYLOAD(null),
    SUBSCRIBER("ctx.subscriber()"),
    MESSAGE_CONTEXT("ctx"),
    APPLICATION("ctx.application()"),
    /** The contexts of a batch, {@code List<MessageContext>}. */
    CONTEXTS("contexts");

    final String expression;

    Argument(String expression) {
      this.expression = expression;
    }
  }

  /** What a handler's return value is: nothing, or a reply to the request it handled. */
  enum Reply {
    /** {@code void}: a plain handler, {@code on(Type.class, ...)}. */
    NONE,
    /** A {@code @Schema} record (null: no reply). */
    RECORD,
    /** {@code Optional} of a {@code @Schema} record (empty: no reply). */
    OPTIONAL,
    /** {@code CompletionStage} (or a subtype) of a {@code @Schema} record. */
    STAGE
  }

  /**
   * One handler method.
   *
   * @param payloadType the record type for {@link Payload#RECORD} and {@link Payload#BATCH}
   * @param replyType the reply record type, or {@code null} for {@link Reply#NONE}
   */
  record Handler(
      ExecutableElement method, Payload payload, TypeMirror payloadType, List<Argument> arguments,
      Reply reply, TypeMirror replyType) {}

  /**
   * One subscription: a pattern and a group with their handlers and the settings the methods gave
   * explicitly ({@code null} when none did).
   */
  record Group(
      String pattern,
      String group,
      String failurePolicy,
      Integer maxAttempts,
      Integer concurrency,
      String ordering,
      Long timeoutMillis,
      Integer batchSize,
      String replyTo,
      String mode,
      List<Handler> handlers,
      Delivery delivery) {}

  /**
   * Pattern, group and the settings one method gives explicitly ({@code null} for those it leaves
   * at their default).
   */
  record Settings(
      String pattern,
      String group,
      String failurePolicy,
      Integer maxAttempts,
      Integer concurrency,
      String ordering,
      Long timeoutMillis,
      Integer batchSize,
      String replyTo,
      String mode,
      Delivery delivery) {}

  /**
   * Retry and dead-letter settings a method gives explicitly ({@code null} or empty for those it
   * leaves at their default): backoff in milliseconds, the qualified names of the exceptions not
   * to retry, records in flight per partition, the dead-letter stream.
   */
  record Delivery(
      Long backoffMillis,
      Long maxBackoffMillis,
      List<String> noRetryFor,
      Integer maxInFlight,
      String deadLetterStream) {
    static final Delivery NONE = new Delivery(null, null, List.of(), null, null);

    /** This, with each setting this leaves at its default taken from {@code other}. */
    Delivery or(Delivery other) {
      return new Delivery(
          backoffMillis != null ? backoffMillis : other.backoffMillis,
          maxBackoffMillis != null ? maxBackoffMillis : other.maxBackoffMillis,
          !noRetryFor.isEmpty() ? noRetryFor : other.noRetryFor,
          maxInFlight != null ? maxInFlight : other.maxInFlight,
          deadLetterStream != null ? deadLetterStream : other.deadLetterStream);
    }
  }
}
