package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** At-least-once delivery: what is committed, when, and what a restarted consumer sees. */
@ExtendWith(KafkaExtension.class)
class DeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static void publish(Application app, String stream, String... bars) {
    for (String bar : bars) {
      app.publishAndWait(stream, new Foo(bar));
    }
  }

  @Test
  void failedRecordStaysUncommittedAndANewConsumerGetsIt(TestKafka kafka) {
    String group = "failing-" + kafka.topicPrefix();
    Recorder<String> first = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("work", group).failurePolicy(FailurePolicy.STOP).on(Foo.class, (foo, ctx) -> {
      first.add(foo.bar());
      if (foo.bar().equals("bad")) {
        throw new IllegalStateException("boom");
      }
    });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      publish(app, "work", "a", "b", "bad", "c");
      app.start();
      Wait.until(() -> app.health().subscriptions().get(0).state() == Health.State.FAILED, WAIT,
          "the subscription to stop on the failure");
      assertFalse(app.health().ready());
      assertTrue(app.health().subscriptions().get(0).lastError().contains("boom")
          || app.health().subscriptions().get(0).lastError().contains("STOP"), app.health().toString());
    }
    assertEquals(List.of("a", "b", "bad"), first.items());
    assertEquals(Map.of(new TopicPartition(kafka.topicPrefix() + "work", 0), 2L), kafka.committedOffsets(kafka.topicPrefix() + group));

    Recorder<String> second = new Recorder<>();
    Router again = Fixtures.router();
    again.subscribe("work", group).on(Foo.class, (foo, ctx) -> second.add(foo.bar()));
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(again).start();
      assertEquals(List.of("bad", "c"), second.awaitAtLeast(2, "the failed record and the rest"));
    }
  }

  @Test
  void gracefulStopCommitsSoARestartSeesNothingTwice(TestKafka kafka) {
    String group = "restart-" + kafka.topicPrefix();
    Recorder<String> first = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("jobs", group).on(Foo.class, (foo, ctx) -> first.add(foo.bar()));
    ApplicationOptions options = TestApps.options(kafka).commitInterval(Duration.ofMinutes(10)).build();
    try (Application app = Application.create(options)) {
      app.mount(router);
      publish(app, "jobs", "1", "2", "3", "4", "5");
      app.start();
      first.awaitAtLeast(5, "first run");
    }
    Recorder<String> second = new Recorder<>();
    Router again = Fixtures.router();
    again.subscribe("jobs", group).on(Foo.class, (foo, ctx) -> second.add(foo.bar()));
    try (Application app = Application.create(options)) {
      app.mount(again);
      publish(app, "jobs", "6");
      app.start();
      assertEquals(List.of("6"), second.awaitAtLeast(1, "the new message"));
    }
    assertEquals(List.of("1", "2", "3", "4", "5"), first.items());
  }

  @Test
  void manualModeCommitsOnlyWhatHandlersCommit(TestKafka kafka) {
    String group = "manual-" + kafka.topicPrefix();
    Recorder<String> seen = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("manual", group).on(Foo.class, (foo, ctx) -> {
      seen.add(foo.bar());
      if (foo.bar().equals("commit-me")) {
        ctx.subscriber().commit();
      }
    });
    ApplicationOptions options = TestApps.options(kafka).commitMode(CommitMode.MANUAL).build();
    try (Application app = Application.create(options)) {
      app.mount(router);
      publish(app, "manual", "a", "b");
      app.start();
      seen.awaitAtLeast(2, "two uncommitted messages");
    }
    assertEquals(Map.of(), kafka.committedOffsets(kafka.topicPrefix() + group));
    try (Application app = Application.create(options)) {
      app.mount(router);
      publish(app, "manual", "commit-me", "d");
      app.start();
      seen.awaitAtLeast(6, "redelivery and new messages");
    }
    assertEquals(List.of("a", "b", "a", "b", "commit-me", "d"), seen.items());
    assertEquals(Map.of(new TopicPartition(kafka.topicPrefix() + "manual", 0), 3L), kafka.committedOffsets(kafka.topicPrefix() + group));
  }

  @Test
  void retriesWithBackoffThenSucceedsWithoutBlockingOtherPartitions(TestKafka kafka) {
    kafka.createTopic(kafka.topicPrefix() + "retry", 2);
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    Recorder<String> handled = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("retry", "retry-group").concurrency(2).maxAttempts(5)
        .backoff(Duration.ofMillis(300), Duration.ofMillis(300))
        .on(Foo.class, (foo, ctx) -> {
          if (foo.bar().equals("flaky") && attempts.computeIfAbsent("flaky", k -> new AtomicInteger()).incrementAndGet() <= 3) {
            throw new IllegalStateException("transient " + attempts.get("flaky"));
          }
          handled.add(ctx.partition() + ":" + foo.bar());
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      // "flaky" (key k0) and "steady" (key k1) land on different partitions.
      byte[] flakyKey = keyFor(0, 2);
      byte[] steadyKey = keyFor(1, 2);
      app.publish("retry", new Foo("flaky"), flakyKey).join();
      app.publish("retry", new Foo("steady"), steadyKey).join();
      List<String> got = handled.awaitAtLeast(2, "both messages");
      assertEquals("1:steady", got.get(0), "the other partition went on while flaky was retried: " + got);
      assertEquals("0:flaky", got.get(1));
      assertEquals(4, attempts.get("flaky").get());
      Wait.until(() -> !kafka.committedOffsets(kafka.topicPrefix() + "retry-group").isEmpty()
          && kafka.committedOffsets(kafka.topicPrefix() + "retry-group").getOrDefault(new TopicPartition(kafka.topicPrefix() + "retry", 0), 0L) == 1L,
          WAIT, "the retried record to be committed");
    }
  }

  @Test
  void exhaustedRetriesGoToTheDeadLetterStreamWithDetails(TestKafka kafka) {
    Router router = Fixtures.router();
    router.subscribe("doomed", "doomed-group").maxAttempts(3).backoff(Duration.ofMillis(10), Duration.ofMillis(20))
        .on(Foo.class, (foo, ctx) -> {
          throw new UnsupportedOperationException("never works for " + foo.bar());
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      app.publish("doomed", new Foo("x"), "k".getBytes(StandardCharsets.UTF_8), Map.of("traceparent", "t1")).join();
      ConsumerRecord<byte[], byte[]> dead = kafka.readAll(kafka.topicPrefix() + "doomed.dlt", 1, WAIT).get(0);
      assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"x\"}}", new String(dead.value(), StandardCharsets.UTF_8));
      assertEquals("k", new String(dead.key(), StandardCharsets.UTF_8));
      assertEquals("t1", PublishSubscribeTest.header(dead, "traceparent"));
      assertEquals("3", PublishSubscribeTest.header(dead, "tidings.dlt.attempts"));
      assertEquals("HANDLER_FAILED", PublishSubscribeTest.header(dead, "tidings.dlt.reason"));
      assertEquals(UnsupportedOperationException.class.getName(),
          PublishSubscribeTest.header(dead, "tidings.dlt.exception.class"));
      assertEquals("never works for x", PublishSubscribeTest.header(dead, "tidings.dlt.exception.message"));
      assertTrue(PublishSubscribeTest.header(dead, "tidings.dlt.exception.stacktrace").contains("DeliveryTest"));
      Wait.until(() -> !kafka.committedOffsets(kafka.topicPrefix() + "doomed-group").isEmpty(), WAIT, "the dead-lettered record to be committed");
    }
  }

  /** A key that the default partitioner puts on {@code partition} of {@code partitions}. */
  static byte[] keyFor(int partition, int partitions) {
    for (int i = 0; ; i++) {
      byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
      if (org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key)) % partitions
          == partition) {
        return key;
      }
    }
  }
}
