package dev.tidings.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tidings.testkit.internal.Broker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** {@link TestKafka} on top of a {@link Broker}; one instance per test. */
final class DefaultTestKafka implements TestKafka {

    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final Broker broker;
    private final String topicPrefix;

    DefaultTestKafka(Broker broker, String topicPrefix) {
        this.broker = broker;
        this.topicPrefix = topicPrefix;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String topicPrefix() {
        return topicPrefix;
    }

    @Override
    public Optional<EmbeddedKafka> embedded() {
        return broker.embedded();
    }

    @Override
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    @Override
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic '" + name + "' with " + partitions
                    + " partitions on " + bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic '" + name + "' on " + bootstrapServers()
                    + " took longer than " + ADMIN_TIMEOUT_SECONDS + "s; is the broker running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic '" + name + "'", e);
        }
    }

    @Override
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout) {
        return TopicReader.readAll(adminConfig(), topic, expectedCount, timeout);
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String groupId) {
        try (Admin admin = Admin.create(adminConfig())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> result = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    result.put(partition, offset.offset());
                }
            });
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the committed offsets of group '" + groupId + "' from "
                    + bootstrapServers() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("reading the committed offsets of group '" + groupId + "' from "
                    + bootstrapServers() + " took longer than " + ADMIN_TIMEOUT_SECONDS + "s; is the broker running?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets of group '" + groupId + "'", e);
        }
    }

    @Override
    public String toString() {
        return "TestKafka[" + broker + ", topicPrefix=" + topicPrefix + "]";
    }
}
