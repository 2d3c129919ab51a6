package dev.tidings.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Tests with a broker of their own, because they stop and restart it. */
class EmbeddedKafkaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void restartOnTheSamePortKeepsTheData() throws Exception {
        Path dir;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            dir = kafka.logDir();
            int port = kafka.port();
            assertEquals("127.0.0.1:" + port, kafka.bootstrapServers());
            assertTrue(kafka.isRunning());

            createTopic(kafka, "kept");
            produce(kafka, "kept", "before-1", "before-2");

            kafka.stop();
            assertFalse(kafka.isRunning());
            assertTrue(Files.exists(dir.resolve("data").resolve("meta.properties")), "data kept after stop");

            kafka.restart();
            assertTrue(kafka.isRunning());
            assertEquals(port, kafka.port());

            produce(kafka, "kept", "after-1");
            List<ConsumerRecord<byte[], byte[]>> records =
                    TopicReader.readAll(kafka.bootstrapServers(), "kept", 3, TIMEOUT);
            assertEquals(List.of("before-1", "before-2", "after-1"),
                    records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList());
        }
        assertFalse(Files.exists(dir), "temporary log dir deleted by close()");
    }

    @Test
    void closedBrokerCannotBeRestarted() {
        EmbeddedKafka kafka = EmbeddedKafka.builder().quiet(false).build();
        try {
            assertFalse(kafka.isRunning());
        } finally {
            kafka.close();
        }
        kafka.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, kafka::restart);
        assertTrue(e.getMessage().contains("was closed"), e.getMessage());
    }

    @Test
    void readingTooFewRecordsFailsWithTheTopicName() {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().brokerProperty("auto.create.topics.enable", "true")
                .start()) {
            produce(kafka, "lonely", "only-one");
            AssertionError e = assertThrows(AssertionError.class,
                    () -> TopicReader.readAll(kafka.bootstrapServers(), "lonely", 2, Duration.ofMillis(500)));
            assertEquals("timed out after 500ms waiting for 2 records on topic 'lonely': read 1 from partitions"
                    + " [lonely-0]", e.getMessage());
        }
    }

    private static void createTopic(EmbeddedKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(EmbeddedKafka kafka, String topic, String... values) {
        try (KafkaProducer<String, String> producer = KafkaExtensionTest.producer(kafka.bootstrapServers())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }
}
