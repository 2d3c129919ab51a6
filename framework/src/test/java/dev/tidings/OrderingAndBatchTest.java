package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-key ordering, batch handlers and handler timeouts. */
@ExtendWith(KafkaExtension.class)
class OrderingAndBatchTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static byte[] key(String k) {
    return k.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void perKeyOrderingRunsKeysConcurrentlyAndEachKeyInOrder(TestKafka kafka) throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Map<String, List<String>> perKey = new ConcurrentHashMap<>();
    Recorder<String> order = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("keyed", "keyed-group").ordering(Ordering.KEY).concurrency(4)
        .on(Foo.class, (foo, ctx) -> {
          String k = new String(ctx.key(), StandardCharsets.UTF_8);
          if (foo.bar().equals("a0")) {
            slowStarted.countDown();
            assertTrue(release.await(20, TimeUnit.SECONDS), "released");
          }
          perKey.computeIfAbsent(k, x -> java.util.Collections.synchronizedList(new ArrayList<>())).add(foo.bar());
          order.add(foo.bar());
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      app.publish("keyed", new Foo("a0"), key("a")).join();
      assertTrue(slowStarted.await(20, TimeUnit.SECONDS), "slow handler started");
      for (int i = 1; i <= 3; i++) {
        app.publish("keyed", new Foo("a" + i), key("a")).join();
      }
      // A key on another lane goes on while key "a" is blocked in its handler.
      String other = otherLaneKey("a", 4);
      for (int i = 0; i < 3; i++) {
        app.publish("keyed", new Foo("b" + i), key(other)).join();
      }
      order.awaitAtLeast(3, "the other key's records while key a is blocked");
      assertEquals(List.of("b0", "b1", "b2"), order.items());
      assertEquals(Map.of(), kafka.committedOffsets(kafka.topicPrefix() + "keyed-group"), "nothing committed past the blocked record");
      release.countDown();
      order.awaitAtLeast(7, "all records");
      assertEquals(List.of("a0", "a1", "a2", "a3"), perKey.get("a"));
      Wait.until(() -> kafka.committedOffsets(kafka.topicPrefix() + "keyed-group")
              .getOrDefault(new TopicPartition(kafka.topicPrefix() + "keyed", 0), 0L) == 7L,
          WAIT, "contiguous commit of all 7 records");
    }
  }

  /** A key whose lane differs from {@code key}'s among {@code lanes} lanes. */
  private static String otherLaneKey(String key, int lanes) {
    int lane = Math.floorMod(java.util.Arrays.hashCode(key(key)), lanes);
    for (int i = 0; ; i++) {
      if (Math.floorMod(java.util.Arrays.hashCode(key("o" + i)), lanes) != lane) {
        return "o" + i;
      }
    }
  }

  @Test
  void batchesAreInOrderAndAFailedIndexCommitsThoseBefore(TestKafka kafka) {
    List<List<String>> batches = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    Router router = Fixtures.router();
    router.subscribe("batched", "batch-group").batchSize(4).backoff(Duration.ofMillis(50), Duration.ofMillis(50))
        .onBatch(Foo.class, (foos, contexts) -> {
          List<String> bars = foos.stream().map(Foo::bar).toList();
          batches.add(bars);
          int bad = bars.indexOf("m5");
          if (bad >= 0 && failures.getAndIncrement() == 0) {
            throw new BatchFailedException(bad, new IllegalStateException("m5 failed once"));
          }
          assertEquals(foos.size(), contexts.size());
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      for (int i = 0; i < 10; i++) {
        app.publishAndWait("batched", new Foo("m" + i));
      }
      app.rawPublish("batched", key("poison")).join();
      app.publishAndWait("batched", new Foo("m10"));
      app.start();
      Wait.until(() -> batches.stream().anyMatch(b -> b.contains("m10")), WAIT, "the batch after the poison record");
      List<String> flat = new ArrayList<>();
      batches.forEach(flat::addAll);
      // m4 and m5 were in the failing batch: m4 is handled (before the index), m5 retried from the head.
      assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m5", "m6", "m7", "m8", "m9", "m10"),
          flat, batches.toString());
      assertTrue(batches.stream().allMatch(b -> b.size() <= 4), batches.toString());
      kafka.readAll(kafka.topicPrefix() + "batched.dlt", 1, WAIT);
    }
  }

  @Test
  void aHandlerOverItsTimeoutIsInterruptedAndCountsAsFailed(TestKafka kafka) {
    AtomicInteger calls = new AtomicInteger();
    Router router = Fixtures.router();
    router.subscribe("slow", "slow-group").timeout(Duration.ofMillis(300)).maxAttempts(2)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(10))
        .on(Foo.class, (foo, ctx) -> {
          calls.incrementAndGet();
          Thread.sleep(60_000);
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      app.publishAndWait("slow", new Foo("x"));
      var dead = kafka.readAll(kafka.topicPrefix() + "slow.dlt", 1, WAIT).get(0);
      assertEquals(java.util.concurrent.TimeoutException.class.getName(),
          PublishSubscribeTest.header(dead, "tidings.dlt.exception.class"));
      assertEquals(2, calls.get());
    }
  }

  @Test
  void deadLettersAreReplayedToTheirOriginAfterAFix(TestKafka kafka) {
    AtomicInteger broken = new AtomicInteger(1);
    Recorder<String> handled = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("replay", "replay-group").failurePolicy(FailurePolicy.DEAD_LETTER)
        .on(Foo.class, (foo, ctx) -> {
          if (broken.get() == 1) {
            throw new IllegalArgumentException("bug");
          }
          handled.add(foo.bar() + ctx.header("tidings.replayed-from").map(h -> "(replayed)").orElse(""));
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      app.publish("replay", new Foo("r1"), key("k1"), Map.of("traceparent", "t")).join();
      app.publishAndWait("replay", new Foo("r2"));
      kafka.readAll(kafka.topicPrefix() + "replay.dlt", 2, WAIT);
      broken.set(0);
      ReplayResult result = app.replayDeadLetters("replay.dlt",
          ReplayFilter.all().exceptionClass(IllegalArgumentException.class.getName()), WAIT);
      assertEquals(new ReplayResult(2, 0, 0), result);
      assertEquals(List.of("r1(replayed)", "r2(replayed)"), handled.awaitAtLeast(2, "replayed records"));
      var replayed = kafka.readAll(kafka.topicPrefix() + "replay", 4, WAIT).get(2);
      assertEquals("k1", new String(replayed.key(), StandardCharsets.UTF_8));
      assertEquals("t", PublishSubscribeTest.header(replayed, "traceparent"));
      assertEquals(null, PublishSubscribeTest.header(replayed, "tidings.dlt.reason"));
      assertEquals(new ReplayResult(0, 2, 0), app.replayDeadLetters("replay.dlt",
          ReplayFilter.all().exceptionClass("java.lang.NullPointerException"), WAIT));
    }
  }
}
