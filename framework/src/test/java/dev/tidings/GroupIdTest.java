package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer group ids carry the topic prefix (regression: two environments sharing a cluster with
 * different prefixes shared consumer groups), unless {@code exactGroupIds} keeps them as named.
 */
@ExtendWith(KafkaExtension.class)
class GroupIdTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void groupIdsArePrefixedLikeTopics(TestKafka kafka) {
    String group = "billing";
    TopicPartition partition = new TopicPartition(kafka.topic("orders"), 0);
    consumeOne(kafka, TestApps.options(kafka), group);
    Wait.until(() -> Long.valueOf(1).equals(kafka.committedOffsets(kafka.topicPrefix() + group).get(partition)),
        WAIT, "the offset committed under the prefixed group id");
    assertEquals(Map.of(), kafka.committedOffsets(group), "nothing committed under the bare group id");
  }

  @Test
  void exactGroupIdsKeepTheGroupAsNamed(TestKafka kafka) {
    String group = "exact-" + kafka.topicPrefix();
    TopicPartition partition = new TopicPartition(kafka.topic("orders"), 0);
    consumeOne(kafka, TestApps.options(kafka).exactGroupIds(true), group);
    Wait.until(() -> Long.valueOf(1).equals(kafka.committedOffsets(group).get(partition)), WAIT,
        "the offset committed under the exact group id");
    assertEquals(Map.of(), kafka.committedOffsets(kafka.topicPrefix() + group));
  }

  @Test
  void groupIdFollowsTheOptions() {
    ApplicationOptions.Builder b = ApplicationOptions.builder().kafkaServers("h:1").topicPrefix("staging.");
    assertEquals("staging.billing", b.build().groupId("billing"));
    assertEquals("billing", b.exactGroupIds(true).build().groupId("billing"));
    assertEquals("billing", ApplicationOptions.builder().kafkaServers("h:1").build().groupId("billing"));
  }

  private static void consumeOne(TestKafka kafka, ApplicationOptions.Builder options, String group) {
    Recorder<String> seen = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("orders", group).on(Foo.class, (foo, ctx) -> seen.add(foo.bar()));
    try (Application app = Application.create(options.build())) {
      app.mount(router);
      app.publishAndWait("orders", new Foo("o-1"));
      app.start();
      seen.awaitAtLeast(1, "the order");
    }
  }
}
