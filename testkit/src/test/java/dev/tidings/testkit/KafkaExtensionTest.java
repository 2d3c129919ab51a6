package dev.tidings.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@KafkaTest
class KafkaExtensionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Map<String, String> PREFIXES = new ConcurrentHashMap<>();

    private TestKafka beforeEachKafka;

    @BeforeEach
    void rememberKafka(TestKafka kafka) {
        beforeEachKafka = kafka;
    }

    @AfterAll
    static void everyTestHadItsOwnPrefix() {
        assertEquals(4, PREFIXES.size(), "tests recorded: " + PREFIXES);
        assertEquals(PREFIXES.size(), Set.copyOf(PREFIXES.values()).size(), "prefixes not unique: " + PREFIXES);
    }

    @Test
    void producedRecordsCanBeReadBack(TestKafka kafka) {
        record("producedRecordsCanBeReadBack", kafka);
        String topic = kafka.topic("orders");
        kafka.createTopic(topic, 2);

        try (KafkaProducer<String, String> producer = producer(kafka)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 3, TIMEOUT);
        assertEquals(3, records.size());
        assertEquals(Set.of("value-0", "value-1", "value-2"),
                Set.copyOf(records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList()));
    }

    @Test
    void committedOffsetsShowWhatAGroupCommitted(TestKafka kafka) {
        record("committedOffsetsShowWhatAGroupCommitted", kafka);
        String topic = kafka.topic("events");
        String group = kafka.topic("group");
        kafka.createTopic(topic, 1);
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, "k", "v1"));
            producer.send(new ProducerRecord<>(topic, "k", "v2"));
        }
        assertTrue(kafka.committedOffsets(group).isEmpty());

        Map<String, Object> config = kafka.adminConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(2)));
        }

        assertEquals(Map.of(partition, 2L), kafka.committedOffsets(group));
    }

    @Test
    void prefixIsAValidTopicNameStartAndSharedWithBeforeEach(TestKafka kafka) {
        record("prefixIsAValidTopicNameStartAndSharedWithBeforeEach", kafka);
        assertSame(kafka, beforeEachKafka);
        String prefix = kafka.topicPrefix();
        assertTrue(prefix.matches("t[0-9]+-[a-z0-9]+-KafkaExtensionTest-prefixIsAValidTopicNameStart[A-Za-z0-9-]*-"),
                prefix);
        assertTrue(prefix.length() < 80, prefix);
        assertEquals(prefix + "x", kafka.topic("x"));
    }

    @Test
    void sharedBrokerIsInProcess(TestKafka kafka) {
        record("sharedBrokerIsInProcess", kafka);
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null
                && System.getProperty("tidings.kafka.bootstrap") == null
                && System.getProperty("tidings.testkit.broker") == null, "tests run against another cluster");
        EmbeddedKafka embedded = kafka.embedded().orElseThrow();
        assertTrue(embedded.isRunning());
        assertEquals(embedded.bootstrapServers(), kafka.bootstrapServers());
        assertEquals(kafka.bootstrapServers(), kafka.adminConfig().get("bootstrap.servers"));
        assertNotEquals(beforeEachKafka, null);
    }

    private static void record(String test, TestKafka kafka) {
        PREFIXES.put(test, kafka.topicPrefix());
    }

    static KafkaProducer<String, String> producer(TestKafka kafka) {
        return producer(kafka.bootstrapServers());
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config);
    }
}
