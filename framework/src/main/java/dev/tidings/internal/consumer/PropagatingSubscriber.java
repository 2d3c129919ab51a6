package dev.tidings.internal.consumer;

import dev.tidings.PublishResult;
import dev.tidings.Subscriber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The {@link Subscriber} of one consumed record: what it publishes carries the record's headers
 * (dead-letter headers excepted), and {@link #commit()} marks the record done in manual mode.
 */
final class PropagatingSubscriber implements Subscriber {
  private final ConsumerRecord<byte[], byte[]> consumed;
  private final PartitionWork work;
  private final HeaderPublisher sender;
  private final String group;

  PropagatingSubscriber(ConsumerRecord<byte[], byte[]> consumed, PartitionWork work, HeaderPublisher sender, String group) {
    this.consumed = consumed;
    this.work = work;
    this.sender = sender;
    this.group = group;
  }

  @Override
  public CompletableFuture<PublishResult> publish(String stream, Record record) {
    return publish(stream, record, null, Map.of());
  }

  @Override
  public CompletableFuture<PublishResult> publish(
      String stream, Record record, byte[] key, Map<String, String> headers) {
    List<Header> out = new ArrayList<>();
    for (Header h : consumed.headers()) {
      if (!h.key().startsWith(DeadLetters.HEADER_PREFIX) && !headers.containsKey(h.key())) {
        out.add(h);
      }
    }
    headers.forEach((k, v) -> out.add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
    return sender.publish(stream, record, key, out);
  }

  @Override
  public void commit() {
    if (work != null) { // null for a queue subscription, which acknowledges each record itself
      work.commitUpTo(consumed.offset() + 1);
    }
  }

  @Override
  public String group() {
    return group;
  }
}
