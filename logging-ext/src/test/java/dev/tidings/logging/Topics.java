package dev.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads log records back from a topic for assertions. */
final class Topics {
  static final ObjectMapper JSON = new ObjectMapper();

  private Topics() {}

  /** The {@code data} of each envelope, checking that each is a {@code LogRecord:1} envelope. */
  static List<JsonNode> data(List<ConsumerRecord<byte[], byte[]>> records) {
    List<JsonNode> result = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      JsonNode envelope = parse(r.value());
      assertEquals("LogRecord:1", envelope.path("schema").asText(), "envelope " + envelope);
      assertEquals(2, envelope.size(), "an envelope has exactly schema and data: " + envelope);
      result.add(envelope.get("data"));
    }
    return result;
  }

  static JsonNode parse(byte[] value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads {@code topic} from the beginning until a record's data matches {@code last}; returns
   * everything read, in offset order per partition.
   */
  static List<ConsumerRecord<byte[], byte[]>> readUntil(
      String servers, String topic, Predicate<JsonNode> last, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("topic " + topic + " did not appear within " + timeout);
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(1));
        if (infos != null) {
          infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no matching record on " + topic + " within " + timeout + "; read "
              + read.size() + ": " + texts(read));
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          read.add(r);
          if (last.test(parse(r.value()).path("data"))) {
            return read;
          }
        }
      }
    }
  }

  private static List<String> texts(List<ConsumerRecord<byte[], byte[]>> records) {
    List<String> texts = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records.subList(Math.max(0, records.size() - 5), records.size())) {
      texts.add(new String(r.value(), StandardCharsets.UTF_8));
    }
    return texts;
  }
}
