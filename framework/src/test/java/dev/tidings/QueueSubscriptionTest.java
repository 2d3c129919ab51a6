package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.Telemetry.Acknowledgement;
import dev.tidings.Telemetry.Outcome;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Queue subscriptions ({@code mode = SHARE}) on a real broker's share groups. */
@ExtendWith(KafkaExtension.class)
class QueueSubscriptionTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void failingTwiceThenSucceedingIsDeliveredThreeTimesAndAcceptedOnce(TestKafka kafka) {
    String group = "flaky-" + kafka.topicPrefix();
    Map<String, List<Integer>> deliveries = new ConcurrentHashMap<>();
    Router router = Fixtures.router();
    router.subscribe("jobs", group).mode(SubscriptionMode.SHARE).maxAttempts(5).on(Foo.class, (foo, ctx) -> {
      List<Integer> seen = deliveries.computeIfAbsent(foo.bar(), k -> new CopyOnWriteArrayList<>());
      seen.add(ctx.consumerRecord().deliveryCount().map(Short::intValue).orElse(-1));
      if (foo.bar().equals("flaky") && seen.size() < 3) {
        throw new IllegalStateException("failure " + seen.size());
      }
    });
    ShareTelemetry telemetry = new ShareTelemetry();
    try (Application app = Application.create(TestApps.options(kafka).telemetry(telemetry).build())) {
      app.mount(router).start();
      app.publishAndWait("jobs", new Foo("flaky"));
      Wait.until(() -> telemetry.acks(Acknowledgement.ACCEPTED) == 1, WAIT, "the flaky record to be accepted");
      app.publishAndWait("jobs", new Foo("after"));
      Wait.until(() -> telemetry.acks(Acknowledgement.ACCEPTED) == 2, WAIT, "the next record to be accepted");
    }
    assertEquals(List.of(1, 2, 3), deliveries.get("flaky"), "delivery counts the handler saw");
    assertEquals(List.of(1), deliveries.get("after"));
    assertEquals(2, telemetry.acks(Acknowledgement.RELEASED));
    assertEquals(0, telemetry.acks(Acknowledgement.REJECTED));
    assertEquals(2, telemetry.outcomes(Outcome.RETRIED));
    assertEquals(0, telemetry.inFlight());
  }

  @Test
  void alwaysFailingGoesToTheDeadLetterStreamAfterTheLimit(TestKafka kafka) {
    String group = "doomed-" + kafka.topicPrefix();
    List<Integer> deliveries = new CopyOnWriteArrayList<>();
    Router router = Fixtures.router();
    router.subscribe("jobs", group).mode(SubscriptionMode.SHARE).maxAttempts(3).on(Foo.class, (foo, ctx) -> {
      deliveries.add(ctx.consumerRecord().deliveryCount().map(Short::intValue).orElse(-1));
      throw new IllegalArgumentException("never works");
    });
    ShareTelemetry telemetry = new ShareTelemetry();
    List<ConsumerRecord<byte[], byte[]>> dead;
    try (Application app = Application.create(TestApps.options(kafka).telemetry(telemetry).build())) {
      app.mount(router).start();
      app.publishAndWait("jobs", new Foo("doomed"));
      dead = kafka.readAll(kafka.topic("jobs.dlt"), 1, WAIT);
      Wait.until(() -> telemetry.acks(Acknowledgement.ACCEPTED) == 1, WAIT, "the dead-lettered record to be accepted");
    }
    assertEquals(List.of(1, 2, 3), deliveries);
    assertEquals(1, dead.size());
    ConsumerRecord<byte[], byte[]> letter = dead.get(0);
    assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"doomed\"}}", new String(letter.value(), StandardCharsets.UTF_8));
    assertEquals("3", header(letter, "tidings.dlt.attempts"));
    assertEquals(group, header(letter, "tidings.dlt.group"));
    assertEquals("HANDLER_FAILED", header(letter, "tidings.dlt.reason"));
    assertEquals(IllegalArgumentException.class.getName(), header(letter, "tidings.dlt.exception.class"));
    assertEquals(kafka.topic("jobs"), header(letter, "tidings.dlt.topic"));
    assertEquals(1, telemetry.outcomes(Outcome.DEAD_LETTERED));
    assertEquals(2, telemetry.acks(Acknowledgement.RELEASED));
  }

  @Test
  void patternResolvedAgainPicksUpANewTopic(TestKafka kafka) {
    String group = "glob-" + kafka.topicPrefix();
    Recorder<String> seen = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("tasks.*", group).mode(SubscriptionMode.SHARE).patternRefresh(Duration.ofMillis(300))
        .on(Foo.class, (foo, ctx) -> seen.add(ctx.stream() + ":" + foo.bar()));
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publishAndWait("tasks.first", new Foo("a"));
      app.start();
      seen.awaitAtLeast(1, "the record of the topic that existed at start");
      app.publishAndWait("tasks.second", new Foo("b"));
      app.publishAndWait("tasks.second.dlt", new Foo("not mine"));
      seen.awaitAtLeast(2, "the record of the topic created later");
      app.publishAndWait("tasks.first", new Foo("c"));
      seen.awaitAtLeast(3, "a later record of the first topic");
    }
    assertEquals(List.of("tasks.first:a", "tasks.second:b", "tasks.first:c"), seen.items());
  }

  @Test
  void gracefulStopReleasesUnstartedRecordsAtOnce(TestKafka kafka) {
    String group = "stop-" + kafka.topicPrefix();
    int n = 60;
    Set<String> first = ConcurrentHashMap.newKeySet();
    Set<String> second = ConcurrentHashMap.newKeySet();
    // One consumer takes all 60 records in one poll and handles them slowly; the locks last 30 s (the default).
    ApplicationOptions options = TestApps.options(kafka).consumerSetting("max.poll.records", n).build();
    try (Application app = Application.create(options)) {
      app.mount(slow(group, first));
      java.util.List<java.util.concurrent.CompletableFuture<PublishResult>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        sent.add(app.publish("jobs", new Foo(Integer.toString(i))));
      }
      sent.forEach(java.util.concurrent.CompletableFuture::join);
      app.start();
      Wait.until(() -> first.size() >= 3, WAIT, "the first consumer to start on its records");
    }
    assertTrue(first.size() < n, "the first application stopped before it handled everything: " + first.size());
    long start = System.nanoTime();
    try (Application app = Application.create(options)) {
      app.mount(slow(group, second)).start();
      // Released records are delivered again at once; locked ones would wait for the 30 s lock to expire.
      // (Closing a share consumer also releases what it did not acknowledge; Tidings releases them itself.)
      Wait.until(() -> first.size() + second.size() >= n, Duration.ofSeconds(20),
          "the records the first application released to reach the second");
    }
    Set<String> all = new java.util.HashSet<>(first);
    all.addAll(second);
    assertEquals(n, all.size(), "every record handled");
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
  }

  private static Router slow(String group, Set<String> handled) {
    Router router = Fixtures.router();
    router.subscribe("jobs", group).mode(SubscriptionMode.SHARE).on(Foo.class, (foo, ctx) -> {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      handled.add(foo.bar());
    });
    return router;
  }

  @Test
  void nonsenseCombinationsAreRefusedWithTheReason(TestKafka kafka) {
    Router router = Fixtures.router();
    Subscription batch = router.subscribe("jobs", "batch").onBatch(Foo.class, (foos, contexts) -> { });
    ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
        () -> batch.mode(SubscriptionMode.SHARE));
    assertTrue(e.getMessage().contains("batch handler"), e.getMessage());
    Subscription queue = router.subscribe("jobs", "queue").mode(SubscriptionMode.SHARE);
    e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, () -> queue.ordering(Ordering.KEY));
    assertTrue(e.getMessage().contains("keeps no order"), e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
        () -> queue.onBatch(Foo.class, (foos, contexts) -> { }));
    assertTrue(e.getMessage().contains("no batch handlers"), e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
        () -> router.subscribe("jobs", "keyed").ordering(Ordering.KEY).mode(SubscriptionMode.SHARE));
    assertTrue(e.getMessage().contains("orders by KEY"), e.getMessage());

    Router manual = Fixtures.router();
    manual.subscribe("jobs", "manual-" + kafka.topicPrefix()).mode(SubscriptionMode.SHARE).on(Foo.class, (f, c) -> { });
    try (Application app = Application.create(TestApps.options(kafka).commitMode(CommitMode.MANUAL).build())) {
      app.mount(manual);
      e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, app::start);
      assertTrue(e.getMessage().contains("commitMode is MANUAL"), e.getMessage());
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
