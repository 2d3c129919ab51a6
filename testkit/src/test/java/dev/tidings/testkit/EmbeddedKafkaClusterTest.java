package dev.tidings.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaClusterTest {

    @Test
    void threeBrokersFormOneCluster() throws Exception {
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3);
                Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            assertEquals(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            admin.createTopics(List.of(new NewTopic("replicated", Optional.of(2), Optional.of((short) 3))))
                    .all().get(30, TimeUnit.SECONDS);
            TopicDescription topic = admin.describeTopics(List.of("replicated")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("replicated");
            topic.partitions().forEach(p -> assertEquals(3, p.replicas().size(), p.toString()));

            assertEquals(3, brokers(admin));
        }
    }

    private static int brokers(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return -1;
        }
    }
}
