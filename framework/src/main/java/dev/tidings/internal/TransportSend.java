package dev.tidings.internal;

import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import dev.tidings.Telemetry;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.header.Header;

/** Publishing through a transport other than Kafka: telemetry, and failures always as {@link PublishException}. */
final class TransportSend {
  private TransportSend() {}

  static CompletableFuture<PublishResult> send(Transport transport, Telemetry telemetry, OutgoingMessage message) {
    long start = System.nanoTime();
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    try {
      transport.send(message).whenComplete((delivery, error) -> {
        telemetry.published(message.stream(), error == null, System.nanoTime() - start);
        if (error == null) {
          result.complete(delivery.toPublishResult());
        } else {
          result.completeExceptionally(asPublishException(transport, message, error));
        }
      });
    } catch (RuntimeException e) {
      telemetry.published(message.stream(), false, System.nanoTime() - start);
      result.completeExceptionally(asPublishException(transport, message, e));
    }
    return result;
  }

  private static PublishException asPublishException(Transport transport, OutgoingMessage m, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof PublishException p) {
      return p;
    }
    return new PublishException("publishing to " + m.stream() + " through the " + transport.type()
        + " transport failed: " + cause, false, cause);
  }

  static List<OutgoingMessage.Header> headers(List<Header> kafka) {
    if (kafka.isEmpty()) {
      return List.of();
    }
    List<OutgoingMessage.Header> out = new ArrayList<>(kafka.size());
    for (Header h : kafka) {
      out.add(new OutgoingMessage.Header(h.key(), h.value()));
    }
    return out;
  }
}
