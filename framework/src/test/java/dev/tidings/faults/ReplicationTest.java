package dev.tidings.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import dev.tidings.testkit.EmbeddedKafkaCluster;
import dev.tidings.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Against a 3-broker in-process cluster: topics Tidings creates get the replication factor
 * {@code min(brokers, 3)}, and with {@code acks=all} and {@code min.insync.replicas=2} publishing
 * goes on without loss when one broker stops, and fails (instead of pretending) when two are gone.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReplicationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static EmbeddedKafkaCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = EmbeddedKafkaCluster.start(3);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static ApplicationOptions.Builder options(String prefix) {
    return ApplicationOptions.builder().kafkaServers(cluster.bootstrapServers()).topicPrefix(prefix).partitions(3)
        // fail a record the cluster cannot take within seconds, not Kafka's 2 minutes
        .producerSetting("delivery.timeout.ms", 6000).producerSetting("request.timeout.ms", 2000)
        .publishTimeout(Duration.ofSeconds(20));
  }

  @Test
  void aBrokerStoppedWhilePublishingWithAcksAllLosesNothingAndTooFewFailLoudly() throws Exception {
    String prefix = "repl.";
    String topic = prefix + "payments";
    int n = 3_000;
    long begin = System.nanoTime();
    try (Application app = Application.create(options(prefix).build());
        Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      app.mount(Msg.router());
      app.publishAndWait("payments", new Msg(n + 1, "first"));
      TopicDescription created = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic);
      assertEquals(3, created.partitions().size());
      for (TopicPartitionInfo p : created.partitions()) {
        assertEquals(3, p.replicas().size(), "replication factor min(brokers, 3) = 3: " + p);
      }
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
          new AlterConfigOp(new ConfigEntry("min.insync.replicas", "2"), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);

      List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(app.publish("payments", new Msg(i, null), key(i)));
        if (i == n / 3) {
          cluster.broker(3).stop(); // a broker goes away in the middle of the stream
        }
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

      // Two replicas in sync of three: acks=all still succeeds. With one, the leader refuses.
      cluster.broker(2).stop();
      ExecutionException refused = assertThrows(ExecutionException.class,
          () -> app.publish("payments", new Msg(n, "alone"), key(n)).get(WAIT.toSeconds(), TimeUnit.SECONDS));
      PublishException failure = assertInstanceOf(PublishException.class, refused.getCause());
      // The leader answers NOT_ENOUGH_REPLICAS, which the producer retries until delivery.timeout.ms.
      assertTrue(causes(failure).stream().anyMatch(t -> t instanceof NotEnoughReplicasException
          || t instanceof org.apache.kafka.common.errors.TimeoutException), "refused or expired: " + failure);

      cluster.broker(2).restart();
      cluster.broker(3).restart();
      List<ConsumerRecord<byte[], byte[]>> stored = TopicReader.readToEnd(cluster.bootstrapServers(), topic, WAIT);
      Tally tally = new Tally();
      for (ConsumerRecord<byte[], byte[]> r : stored) {
        String value = new String(r.value(), StandardCharsets.UTF_8);
        long id = Long.parseLong(value.replaceAll(".*\"id\":(-?\\d+).*", "$1"));
        if (id >= 0 && id < n) {
          tally.add(id);
        }
        assertTrue(id != n, "the refused record was not stored: " + value);
      }
      System.out.println(tally.report("3 brokers, one stopped during publishing (acks=all, min.insync.replicas=2)",
          n, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin)) + ", " + stored.size() + " records stored");
      assertEquals(n, tally.distinct(), "every acknowledged id is stored");
      assertEquals(0, tally.duplicates(), "and none twice");
    }
  }

  private static byte[] key(int i) {
    return Integer.toString(i).getBytes(StandardCharsets.UTF_8);
  }

  private static Collection<Throwable> causes(Throwable t) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
      all.add(c);
    }
    return all;
  }
}
