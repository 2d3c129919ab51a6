package dev.tidings.internal.consumer;

import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import dev.tidings.ReplayFilter;
import dev.tidings.ReplayResult;
import dev.tidings.internal.kafka.ClientSettings;
import dev.tidings.internal.kafka.Publisher;
import dev.tidings.internal.tracing.MessagingSpans;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a dead-letter topic without a group and republishes its records to their origins. */
public final class DeadLetterReplayer {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplayer.class);
  private final ApplicationOptions options;
  private final Publisher publisher;

  public DeadLetterReplayer(ApplicationOptions options, Publisher publisher) {
    this.options = options;
    this.publisher = publisher;
  }

  public ReplayResult replay(String deadLetterStream, ReplayFilter filter, Duration timeout) {
    String topic = options.topicPrefix() + deadLetterStream;
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config = ClientSettings.consumer(options, "tidings-replay");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    long replayed = 0;
    long skipped = 0;
    long unreplayable = 0;
    List<CompletableFuture<?>> sends = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new PublishException("dead-letter topic " + topic + " does not exist", false, null);
      }
      List<TopicPartition> partitions = new ArrayList<>();
      infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, timeout));
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
      for (TopicPartition tp : partitions) {
        consumer.seek(tp, Math.max(begins.get(tp), filter.fromOffset()));
      }
      ends.replaceAll((tp, end) -> Math.min(end, filter.toOffset() == Long.MAX_VALUE ? end : filter.toOffset() + 1));
      while (!done(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new PublishException("replaying " + topic + " did not finish within " + timeout
              + "; replayed " + replayed + " so far", true, null);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() >= ends.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          String origin = header(r, DeadLetters.HEADER_PREFIX + "topic");
          if (origin == null) {
            unreplayable++;
            continue;
          }
          if (!matches(r, filter)) {
            skipped++;
            continue;
          }
          List<Header> headers = new ArrayList<>();
          for (Header h : r.headers()) {
            if (!h.key().startsWith(DeadLetters.HEADER_PREFIX)) {
              headers.add(h);
            }
          }
          headers.add(new RecordHeader("tidings.replayed-from",
              (r.topic() + "/" + r.partition() + "/" + r.offset()).getBytes(StandardCharsets.UTF_8)));
          String stream = origin.startsWith(options.topicPrefix()) ? origin.substring(options.topicPrefix().length()) : origin;
          sends.add(publisher.send(stream, null, r.key(), r.value(), headers, MessagingSpans.REPLAY,
              Map.of("tidings.replayed_from", r.topic() + "/" + r.partition() + "/" + r.offset())));
          replayed++;
        }
      }
      long left = Math.max(1, deadline - System.nanoTime());
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
    } catch (PublishException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while replaying " + topic, true, e);
    } catch (Exception e) {
      throw new PublishException("replaying " + topic + " failed: " + e.getMessage(), true, e);
    }
    LOG.info("replayed {} dead letters from {} ({} filtered out, {} without origin)", replayed, topic, skipped, unreplayable);
    return new ReplayResult(replayed, skipped, unreplayable);
  }

  private static boolean done(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(ConsumerRecord<byte[], byte[]> r, ReplayFilter filter) {
    if (filter.exceptionClass() == null) {
      return true;
    }
    return filter.exceptionClass().equals(header(r, DeadLetters.HEADER_PREFIX + "exception.class"))
        || filter.exceptionClass().equals(header(r, DeadLetters.HEADER_PREFIX + "reason"));
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
