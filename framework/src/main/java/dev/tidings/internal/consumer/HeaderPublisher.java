package dev.tidings.internal.consumer;

import dev.tidings.PublishResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Header;

/** The application's publish path with explicit Kafka headers, used by handlers' subscribers. */
@FunctionalInterface
public interface HeaderPublisher {
  CompletableFuture<PublishResult> publish(String stream, Record record, byte[] key, List<Header> headers);
}
