package dev.tidings.internal.registry;

import dev.tidings.RegisteredSchema;
import dev.tidings.TidingsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a registry topic from the beginning to its end offsets (taken once at the start) within a
 * deadline, without a consumer group. Tombstones remove a key; records that are not entries are
 * skipped with a warning.
 */
final class RegistryReader {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryReader.class);
  private static final long PROGRESS_EVERY_MS = 1_000;

  private RegistryReader() {}

  static Map<String, RegisteredSchema> read(Map<String, Object> consumerConfig, String topic, String servers,
      Duration timeout, Consumer<String> progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, RegisteredSchema> entries = new TreeMap<>();
    long read = 0;
    long total = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
      if (infos == null || infos.isEmpty()) {
        progress.accept("Schema registry " + topic + ": no such topic yet, nothing registered");
        return entries;
      }
      List<TopicPartition> partitions = new ArrayList<>();
      infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, remaining(deadline)));
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, remaining(deadline));
      for (TopicPartition p : partitions) {
        total += end.get(p) - begin.get(p);
      }
      end.entrySet().removeIf(e -> e.getValue() <= begin.get(e.getKey()));
      long lastProgress = System.nanoTime();
      while (!end.isEmpty()) {
        if (System.nanoTime() - deadline > 0) {
          throw new TimeoutException("read " + read + " of about " + total + " records");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          read++;
          apply(entries, record);
        }
        end.entrySet().removeIf(e -> consumer.position(e.getKey(), remaining(deadline)) >= e.getValue());
        if (System.nanoTime() - lastProgress > PROGRESS_EVERY_MS * 1_000_000) {
          lastProgress = System.nanoTime();
          progress.accept("Schema registry " + topic + ": read " + read + " of about " + total + " records ...");
        }
      }
      progress.accept("Schema registry " + topic + ": " + entries.size() + " schema(s) registered (" + read
          + " records read)");
      return entries;
    } catch (TimeoutException e) {
      throw new TidingsException("the schema registry topic '" + topic + "' could not be read from " + servers
          + " within " + timeout.toMillis() + " ms (" + e.getMessage() + "): check that the cluster answers"
          + " and that this client may read the topic, or give it more time", e);
    } catch (KafkaException e) {
      throw new TidingsException("the schema registry topic '" + topic + "' could not be read from " + servers
          + ": " + e + " (check the client settings and the topic's ACLs)", e);
    }
  }

  private static void apply(Map<String, RegisteredSchema> entries, ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      if (record.key() != null) {
        entries.remove(new String(record.key(), StandardCharsets.UTF_8));
      }
      return;
    }
    try {
      RegisteredSchema entry = Entries.parse(record.key(), record.value());
      entries.put(entry.key(), entry);
    } catch (IllegalArgumentException e) {
      LOG.warn("schema registry {}-{} offset {}: skipped, {}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }
}
