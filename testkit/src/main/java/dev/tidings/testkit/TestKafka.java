package dev.tidings.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka cluster of one test, injected by {@link KafkaExtension} into test methods, constructors and lifecycle
 * methods.
 *
 * <pre>{@code
 * @KafkaTest
 * class OrderTest {
 *     @Test
 *     void publishesOrders(TestKafka kafka) {
 *         String topic = kafka.topic("orders");
 *         kafka.createTopic(topic, 1);
 *         ... produce to kafka.bootstrapServers() ...
 *         assertEquals(3, kafka.readAll(topic, 3, Duration.ofSeconds(10)).size());
 *     }
 * }
 * }</pre>
 *
 * <p>All tests of a JVM share the cluster; give every topic and consumer group the test's {@link #topicPrefix()} so
 * tests do not see each other's data.
 */
public interface TestKafka {

    /**
     * Returns the cluster's bootstrap servers.
     *
     * @return for example {@code "127.0.0.1:41235"}
     */
    String bootstrapServers();

    /**
     * Returns a prefix unique to this test (each test method, each repetition or parameterized invocation gets its
     * own; {@code @BeforeEach} methods see the same prefix as their test). It uses only {@code [a-zA-Z0-9-]}, ends
     * with {@code -} and is short enough to leave room for the rest of a topic name.
     *
     * @return for example {@code "t7-k2zq-OrderTest-publishesOrders-"}
     */
    String topicPrefix();

    /**
     * Returns {@code topicPrefix() + name}, a topic (or group) name private to this test.
     *
     * @param name the rest of the name, valid in a Kafka topic name
     * @return the full name
     */
    default String topic(String name) {
        return topicPrefix() + name;
    }

    /**
     * Returns the in-process broker behind this cluster, for tests that stop or restart it. Restarting the shared
     * broker disturbs tests running at the same time; a test that needs to do so usually starts its own
     * {@link EmbeddedKafka}.
     *
     * @return the broker, or empty when the tests run against an external cluster or a container
     */
    Optional<EmbeddedKafka> embedded();

    /**
     * Returns settings for {@code Admin.create(...)}; copy and extend them for producers and consumers.
     *
     * @return a new mutable map holding {@code bootstrap.servers}
     */
    Map<String, Object> adminConfig();

    /**
     * Creates a topic with the cluster's default replication factor and waits until it exists.
     *
     * @param name the topic name, usually {@link #topic(String)}
     * @param partitions the number of partitions
     * @throws IllegalStateException if the topic could not be created, for example because it exists
     */
    void createTopic(String name, int partitions);

    /**
     * Reads a topic from the beginning until at least {@code expectedCount} records arrived; see {@link TopicReader}.
     *
     * @param topic the topic
     * @param expectedCount how many records to wait for
     * @param timeout how long to wait at most
     * @return the records read
     * @throws AssertionError if fewer records arrived in time
     */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout);

    /**
     * Reads every record the topic holds now, from the beginning to the current end; see
     * {@link TopicReader#readToEnd(Map, String, Duration)}.
     *
     * @param topic the topic
     * @param timeout how long to wait at most
     * @return the records
     * @throws AssertionError if the end was not reached in time
     */
    default List<ConsumerRecord<byte[], byte[]>> readToEnd(String topic, Duration timeout) {
        return TopicReader.readToEnd(adminConfig(), topic, timeout);
    }

    /**
     * Returns the offsets a consumer group has committed.
     *
     * @param groupId the group
     * @return the next offset to consume per partition; empty if the group committed nothing
     * @throws IllegalStateException if the cluster could not be asked
     */
    Map<TopicPartition, Long> committedOffsets(String groupId);
}
