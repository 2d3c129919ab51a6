package dev.tidings.internal.consumer;

import dev.tidings.Failure;
import dev.tidings.Handler;
import dev.tidings.MessageContext;
import dev.tidings.RequestHandler;
import dev.tidings.RequestHeaders;
import dev.tidings.Telemetry;
import dev.tidings.internal.codec.EnvelopeCodec;
import dev.tidings.internal.codec.Json;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.tracing.MessagingSpans;
import dev.tidings.internal.tracing.TraceScope;
import dev.tidings.internal.tracing.TraceSpan;
import dev.tidings.internal.tracing.Tracing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of request/reply for one subscription: runs request handlers and publishes
 * their replies, and publishes {@link Failure} replies for requests that failed for good.
 *
 * <p>A reply goes to the stream in the request's {@link RequestHeaders#REPLY_TO} header, else to
 * the subscription's default reply stream; it carries the request's key, correlation id and
 * {@code traceparent}. The request's offset is held back from commits until the broker stored the
 * reply (the lane meanwhile goes on with the next records); a reply the broker refuses is sent again
 * after a backoff, never dropped, so a request is committed only after its reply.
 */
final class Replier {
  private static final Logger LOG = LoggerFactory.getLogger(Replier.class);

  private final Publisher publisher;
  private final EnvelopeCodec codec;
  private final String group;
  private final String defaultReplyTo;
  private final Set<String> requestSchemas;
  private final Telemetry telemetry;
  private final ScheduledExecutorService timer;
  private final Tracing tracing = Tracing.get();

  Replier(Publisher publisher, EnvelopeCodec codec, String group, String defaultReplyTo,
      Set<String> requestSchemas, Telemetry telemetry, ScheduledExecutorService timer) {
    this.timer = timer;
    this.publisher = publisher;
    this.codec = codec;
    this.group = group;
    this.defaultReplyTo = defaultReplyTo;
    this.requestSchemas = Set.copyOf(requestSchemas);
    this.telemetry = telemetry;
  }

  /** A handler that runs {@code handler}, waits for its reply and for the broker to store it. */
  Handler<Object> wrap(RequestHandler<Object> handler) {
    return (payload, context) -> {
      CompletionStage<? extends Record> stage = handler.handle(payload, context);
      Record reply;
      try {
        reply = stage == null ? null : stage.toCompletableFuture().get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
            ? c.getCause() : e.getCause();
        if (cause instanceof Exception ex) {
          throw ex;
        }
        throw e;
      }
      if (reply == null) {
        return;
      }
      String target = replyStream(context.consumerRecord());
      if (target == null) {
        LOG.warn("group {} has a reply to {} but the request has no {} header and the subscription no"
            + " default reply stream (@Subscribe(replyTo = ...)); the reply is not published",
            group, context, RequestHeaders.REPLY_TO);
        telemetry.replyUnroutable(group, context.stream());
        return;
      }
      byte[] value = codec.encode(target, reply, true);
      CompletableFuture<Object> stored = new CompletableFuture<>();
      sendUntilStored(context, target, value, stored, 1);
      // The lane goes on with the next request; the request counts as finished (and its offset is
      // committed) once the reply is stored. A share group waits for the broker before acknowledging.
      Deferrals.completeWhen(context, stored);
    };
  }

  /**
   * Sends a reply, and again after a backoff while the broker does not store it (never dropped); each
   * send is a child of the request's consumer span (current on the first call, made current again for
   * the next ones).
   */
  @SuppressWarnings("try") // the scope makes the consumer span current for the next send
  private void sendUntilStored(MessageContext request, String target, byte[] value, CompletableFuture<Object> stored,
      int attempt) {
    TraceSpan consumerSpan = tracing.current();
    send(request, target, value, false).whenComplete((result, error) -> {
      if (error == null) {
        stored.complete(result);
        return;
      }
      long delay = Math.min(30_000, 500L << Math.min(attempt - 1, 6));
      LOG.error("group {} could not send the reply to {} for {} (attempt {}); trying again in {} ms", group, target,
          request, attempt, delay, error);
      try {
        timer.schedule(() -> {
          try (TraceScope scope = consumerSpan.makeCurrent()) {
            sendUntilStored(request, target, value, stored, attempt + 1);
          }
        }, delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closing) {
        stored.completeExceptionally(error); // the application closes: the request stays uncommitted
      }
    });
  }

  /**
   * Publishes a {@link Failure} reply for a request that failed for good, or returns {@code null}
   * when {@code record} is not a request of this subscription or has nowhere to go.
   */
  CompletableFuture<?> failure(Delivery delivery, String reason, Throwable error, int attempts) {
    String schema = delivery.schema();
    if (schema != null && codec.registry().byKey(schema) != null && !requestSchemas.contains(schema)) {
      return null; // a message this subscription handles without answering
    }
    String target = replyStream(delivery.consumerRecord());
    if (target == null || header(delivery.consumerRecord(), RequestHeaders.CORRELATION_ID) == null) {
      return null;
    }
    Failure failure = new Failure(reason, error == null ? reason : String.valueOf(error.getMessage()),
        error == null ? "" : error.getClass().getName(), "HANDLER_FAILED".equals(reason) ? attempts : 0);
    byte[] value = codec.write(Failure.SCHEMA, Json.mapper().valueToTree(failure));
    // Best effort: a failure reply that cannot be written must not hold up the dead letter.
    return send(delivery, target, value, true).exceptionally(e -> {
      LOG.warn("group {} could not send the failure reply for {} to {}: {}", group, delivery, target, e.toString());
      return null;
    });
  }

  /**
   * Publishes a reply with the request's key and correlation id, and the trace context of the current
   * span (the request's consumer span), else the request's {@code traceparent}.
   */
  private CompletableFuture<?> send(MessageContext request, String target, byte[] value, boolean error) {
    ConsumerRecord<byte[], byte[]> record = request.consumerRecord();
    List<Header> headers = new ArrayList<>(2);
    for (String name : new String[] {RequestHeaders.CORRELATION_ID, RequestHeaders.TRACEPARENT}) {
      Header h = record.headers().lastHeader(name);
      if (h != null) {
        headers.add(new RecordHeader(name, h.value()));
      }
    }
    String correlationId = header(record, RequestHeaders.CORRELATION_ID);
    return publisher.send(target, null, record.key(), value, MessagingSpans.withContext(tracing.current(), headers),
            MessagingSpans.SEND, correlationId == null ? Map.of() : Map.of(MessagingSpans.CONVERSATION_ID, correlationId))
        .thenApply(result -> {
          telemetry.replied(group, target, error);
          return result;
        });
  }

  private String replyStream(ConsumerRecord<byte[], byte[]> record) {
    String header = header(record, RequestHeaders.REPLY_TO);
    if (header == null || header.isEmpty()) {
      return defaultReplyTo;
    }
    if (header.length() > 200 || !header.chars().allMatch(Replier::streamChar)) {
      LOG.warn("group {} ignores reply-to '{}' of {}: not a stream name", group, header, record);
      return null;
    }
    return header;
  }

  private static boolean streamChar(int c) {
    return c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
