package dev.tidings.internal.kafka;

import dev.tidings.PublishResult;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Header;

/** A message on its way to a topic, with the future its sender completes. */
record OutgoingRecord(
    String stream, byte[] key, byte[] value, Iterable<Header> headers, long startNanos,
    CompletableFuture<PublishResult> result) {}
