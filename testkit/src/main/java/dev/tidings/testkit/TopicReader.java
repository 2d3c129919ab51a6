package dev.tidings.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning, for assertions.
 *
 * <p>The reader uses {@code assign()}, not a consumer group: it commits nothing and never interferes with the group
 * offsets of the code under test. It reads with {@code isolation.level=read_committed}, so records of aborted or still
 * open transactions are not returned. Records come in offset order within each partition; across partitions the order
 * is unspecified.
 */
public final class TopicReader {

    private static final long POLL_MS = 100;

    private TopicReader() {
    }

    /**
     * Reads all partitions of {@code topic} from the beginning until at least {@code expectedCount} records arrived.
     *
     * @param bootstrapServers the cluster to read from
     * @param topic the topic; waits for it to exist, up to {@code timeout}
     * @param expectedCount how many records to wait for
     * @param timeout how long to wait at most
     * @return the records read; may be more than {@code expectedCount} when more were there
     * @throws AssertionError if fewer than {@code expectedCount} records arrived in time
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic,
            int expectedCount, Duration timeout) {
        return readAll(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, expectedCount,
                timeout);
    }

    /**
     * Like {@link #readAll(String, String, int, Duration)}, with client settings (bootstrap servers, security) taken
     * from {@code clientConfig}; deserializers, group and offset settings in it are replaced.
     *
     * @param clientConfig consumer settings, at least {@code bootstrap.servers}
     * @param topic the topic
     * @param expectedCount how many records to wait for
     * @param timeout how long to wait at most
     * @return the records read
     * @throws AssertionError if fewer than {@code expectedCount} records arrived in time
     */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> clientConfig, String topic,
            int expectedCount, Duration timeout) {
        Objects.requireNonNull(topic, "topic");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(clientConfig))) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (records.size() < expectedCount) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    throw new AssertionError("timed out after " + Wait.describe(timeout) + " waiting for "
                            + expectedCount + " records on topic '" + topic + "': read " + records.size()
                            + " from partitions " + partitions);
                }
                consumer.poll(Duration.ofMillis(Math.min(POLL_MS, remainingMs))).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * Reads every record {@code topic} holds now: all partitions from the beginning up to their end offsets as they are
     * when the call starts. Unlike {@link #readAll}, it does not stop at a count, so it also shows duplicates and
     * records that should not be there.
     *
     * @param bootstrapServers the cluster to read from
     * @param topic the topic; waits for it to exist, up to {@code timeout}
     * @param timeout how long to wait at most
     * @return the records, in offset order within each partition
     * @throws AssertionError if the end was not reached in time
     */
    public static List<ConsumerRecord<byte[], byte[]>> readToEnd(String bootstrapServers, String topic,
            Duration timeout) {
        return readToEnd(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, timeout);
    }

    /**
     * Like {@link #readToEnd(String, String, Duration)}, with client settings taken from {@code clientConfig}.
     *
     * @param clientConfig consumer settings, at least {@code bootstrap.servers}
     * @param topic the topic
     * @param timeout how long to wait at most
     * @return the records
     * @throws AssertionError if the end was not reached in time
     */
    public static List<ConsumerRecord<byte[], byte[]>> readToEnd(Map<String, Object> clientConfig, String topic,
            Duration timeout) {
        Objects.requireNonNull(topic, "topic");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(clientConfig))) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (!atEnd(consumer, end)) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    throw new AssertionError("timed out after " + Wait.describe(timeout) + " reading topic '" + topic
                            + "' to its end offsets " + end + ": read " + records.size());
                }
                consumer.poll(Duration.ofMillis(Math.min(POLL_MS, remainingMs))).forEach(records::add);
            }
            return records;
        }
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tidings-testkit-reader");
        return config;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic,
            Duration timeout, long deadline) {
        while (true) {
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                throw new AssertionError("timed out after " + Wait.describe(timeout) + " waiting for topic '" + topic
                        + "' to exist; create it first (TestKafka.createTopic) or enable auto-creation");
            }
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, Duration.ofMillis(Math.min(1000, remainingMs)));
            } catch (TimeoutException e) {
                continue;
            }
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
                return partitions;
            }
            pause(topic);
        }
    }

    private static void pause(String topic) {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for topic '" + topic + "'", e);
        }
    }
}
