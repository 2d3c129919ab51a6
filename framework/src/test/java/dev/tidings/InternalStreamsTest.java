package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A broad glob ({@code *}) never consumes the streams Tidings keeps for itself (regression: a
 * {@code *} subscription read the schema registry topic and the reply streams, failed to decode
 * their records and dead-lettered every one of them).
 */
@ExtendWith(KafkaExtension.class)
class InternalStreamsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aStarSubscriptionSkipsTheRegistryAndReplyStreams(TestKafka kafka) throws Exception {
    String registry = SchemaRegistryTopic.topicFor(kafka.topicPrefix());
    String replies = kafka.topic("tidings.replies.0f3a");
    String named = kafka.topic("replies.host-1");
    for (String topic : List.of(registry, replies, named, kafka.topic("in"))) {
      kafka.createTopic(topic, 1);
    }
    byte[] notAnEnvelope = "{\"schema\":{\"type\":\"object\"}}".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> config = new HashMap<>(kafka.adminConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(config, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      for (String topic : List.of(registry, replies, named)) {
        raw.send(new ProducerRecord<>(topic, notAnEnvelope)).get(30, TimeUnit.SECONDS);
      }
    }
    Recorder<String> seen = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("*", "all-" + kafka.topicPrefix()).maxAttempts(1)
        .on(Foo.class, (foo, ctx) -> seen.add(ctx.stream() + "=" + foo.bar()));
    try (Application app = Application.create(TestApps.options(kafka).replyStream("replies.host-1").build())) {
      app.mount(router);
      app.publishAndWait("in", new Foo("x"));
      app.start();
      seen.awaitAtLeast(1, "the record on 'in'");
      Wait.until(() -> app.health().subscriptions().get(0).state() == Health.State.RUNNING, WAIT, "running");
      assertEquals(1, app.health().subscriptions().get(0).assignedPartitions(),
          "only 'in' is assigned, not the registry nor the reply streams: " + app.health());
      assertEquals(List.of("in=x"), seen.items());
    }
    try (Admin admin = Admin.create(kafka.adminConfig())) {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String topic : List.of(registry, replies, named)) {
        assertFalse(topics.contains(topic + ".dlt"), "nothing was dead-lettered from " + topic + ": " + topics);
      }
    }
  }
}
