package dev.tidings.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.PublishResult;
import dev.tidings.Router;
import dev.tidings.Telemetry;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of at-least-once delivery under faults, each over a stream of {@value #N} unique ids: the
 * number of ids handled at least once must be all of them (0 lost); duplicates are reported.
 */
@ExtendWith(KafkaExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FaultInjectionTest {
  private static final int N = 20_000;
  private static final Duration WAIT = Duration.ofSeconds(90);

  private static ApplicationOptions.Builder options(String servers, String prefix) {
    return ApplicationOptions.builder().kafkaServers(servers).topicPrefix(prefix).partitions(3)
        .commitInterval(Duration.ofMillis(200)).shutdownTimeout(Duration.ofSeconds(10))
        .consumerSetting("metadata.max.age.ms", 1000);
  }

  private static List<CompletableFuture<PublishResult>> publishAll(Application app, String stream, int from, int to) {
    List<CompletableFuture<PublishResult>> futures = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      futures.add(app.publish(stream, new Msg(i, null), Long.toString(i).getBytes(StandardCharsets.UTF_8)));
    }
    return futures;
  }

  private static void awaitAll(List<CompletableFuture<PublishResult>> futures) throws Exception {
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void workerKilledWithSigkillAndRestartedLosesNothing(TestKafka kafka, @TempDir Path dir) throws Exception {
    Path handled = dir.resolve("handled.txt");
    Files.createFile(handled);
    String group = "kill-" + kafka.topicPrefix();
    long start = System.nanoTime();
    try (Application publisher = Application.create(options(kafka.bootstrapServers(), kafka.topicPrefix()).build())) {
      publisher.mount(Msg.router());
      awaitAll(publishAll(publisher, "killed", 0, N));
    }
    Process first = startWorker(kafka, group, handled, dir.resolve("w1.log"));
    Wait.until(() -> lines(handled).size() >= N / 4, WAIT, "the first worker to handle a quarter of the stream");
    first.destroyForcibly();
    assertTrue(first.waitFor(30, TimeUnit.SECONDS), "killed worker exits");
    int atKill = lines(handled).size();
    Process second = startWorker(kafka, group, handled, dir.resolve("w2.log"));
    try {
      Wait.until(() -> new HashSet<>(lines(handled)).size() >= N, WAIT, "the restarted worker to finish the stream");
    } finally {
      second.destroy();
      assertTrue(second.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the worker");
    }
    Tally tally = new Tally();
    lines(handled).forEach(l -> tally.add(Long.parseLong(l)));
    System.out.println(tally.report("SIGKILL after " + atKill + " handled", N, elapsed(start)));
    assertEquals(N, tally.distinct());
    // The JVM reports 143 (128 + SIGTERM) once its shutdown hook has closed the application.
    assertTrue(second.exitValue() == 0 || second.exitValue() == 143, "exit code after SIGTERM: " + second.exitValue());
  }

  private static Process startWorker(TestKafka kafka, String group, Path out, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        FaultWorker.class.getName(), kafka.bootstrapServers(), kafka.topicPrefix(), "killed", group, out.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long elapsed(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  @Test
  void brokerRestartedWhilePublishingAndConsumingLosesAndDuplicatesNothing(TestKafka kafka) throws Exception {
    Assumptions.assumeTrue(kafka.embedded().isPresent(), "needs the in-process broker to stop and restart it");
    EmbeddedKafka broker = kafka.embedded().get();
    String prefix = kafka.topicPrefix();
    {
      Tally tally = new Tally();
      Router router = Msg.router();
      router.subscribe("bounce", "bounce-group").on(Msg.class, (m, ctx) -> tally.add(m.id()));
      long start = System.nanoTime();
      ApplicationOptions opts = options(broker.bootstrapServers(), prefix).shutdownTimeout(Duration.ofSeconds(5)).build();
      try (Application consumer = Application.create(opts); Application publisher = Application.create(opts)) {
        consumer.mount(router).start();
        publisher.mount(Msg.router());
        // One thread publishes the whole stream; Kafka's send() blocks it (up to max.block.ms) while the
        // broker is away, as it would block an application's thread.
        List<CompletableFuture<PublishResult>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread publishing = new Thread(() -> {
          for (int i = 0; i < N; i++) {
            futures.add(publisher.publish("bounce", new Msg(i, null), Long.toString(i).getBytes(StandardCharsets.UTF_8)));
            if (i % 100 == 99) {
              java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // pace: ~5,000 msg/s over ~4 s
            }
          }
        }, "bounce-publisher");
        publishing.start();
        Wait.until(() -> futures.size() >= N / 3 && tally.distinct() > 0, WAIT, "publishing and consumption to begin");
        broker.stop();
        int publishedBeforeStop = futures.size();
        Wait.until(() -> publishing.getState() == Thread.State.TIMED_WAITING || !publishing.isAlive()
            || futures.size() == N, WAIT, "the publisher to block on the missing broker or finish");
        long pendingWhileDown = futures.stream().filter(f -> !f.isDone()).count();
        try {
          broker.restart();
        } finally {
          if (!broker.isRunning()) {
            broker.restart();
          }
        }
        publishing.join(WAIT.toMillis());
        awaitAll(new ArrayList<>(futures));
        Wait.until(() -> tally.distinct() >= N, WAIT, "every message to be handled after the restart");
        List<ConsumerRecord<byte[], byte[]>> onTopic = readTopic(broker, prefix + "bounce", N);
        Set<String> distinct = new HashSet<>();
        onTopic.forEach(r -> distinct.add(new String(r.value(), StandardCharsets.UTF_8)));
        System.out.println(tally.report("broker restart (" + publishedBeforeStop + " published before the stop, "
            + pendingWhileDown + " unacknowledged while down)", N,
            elapsed(start)) + String.format(", %d records on the topic", onTopic.size()));
        assertEquals(N, tally.distinct());
        assertEquals(N, onTopic.size(), "no duplicates from producer retries");
        assertEquals(N, distinct.size());
      }
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readTopic(EmbeddedKafka broker, String topic, int n) {
    dev.tidings.testkit.TopicReader.readAll(broker.bootstrapServers(), topic, n, WAIT);
    // Then everything the topic holds, to see duplicates beyond the expected count (readAll with a
    // count of 0 returned at once, so this check could not see them).
    return dev.tidings.testkit.TopicReader.readToEnd(broker.bootstrapServers(), topic, WAIT);
  }

  /**
   * 2 -> 3 -> 1 members of one group over 3 partitions. The three members are shown to consume at the
   * same time (each owns one partition, and each handles records while the three assignments hold);
   * duplicates are bounded by what the commit interval explains: partitions are committed when
   * revoked, so only records handled after the last commit of a partition that is lost without a
   * clean hand-over could come again, at most one commit interval's worth per rebalance.
   */
  @Test
  void consumersJoiningAndLeavingLoseNothing(TestKafka kafka) throws Exception {
    Tally tally = new Tally();
    String group = "churn-" + kafka.topicPrefix();
    long start = System.nanoTime();
    ApplicationOptions opts = options(kafka.bootstrapServers(), kafka.topicPrefix()).build();
    AtomicInteger[] byMember = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
    AtomicLong rebalances = new AtomicLong();
    try (Application publisher = Application.create(opts)) {
      publisher.mount(Msg.router());
      awaitAll(publishAll(publisher, "churn", 0, 100));
      Application a = member(opts, group, tally, byMember[0], rebalances);
      Application b = member(opts, group, tally, byMember[1], rebalances);
      List<CompletableFuture<PublishResult>> futures = publishAll(publisher, "churn", 100, N / 3);
      Wait.until(() -> tally.distinct() >= N / 6, WAIT, "two members to make progress");
      Application c = member(opts, group, tally, byMember[2], rebalances);
      List<Application> three = List.of(a, b, c);
      Wait.until(() -> three.stream().allMatch(m -> assigned(m) == 1), WAIT,
          "each of the three members to own one partition");
      int[] before = {byMember[0].get(), byMember[1].get(), byMember[2].get()};
      futures.addAll(publishAll(publisher, "churn", N / 3, 2 * N / 3));
      Wait.until(() -> byMember[0].get() > before[0] && byMember[1].get() > before[1]
          && byMember[2].get() > before[2], WAIT, "each of the three members to handle records");
      assertTrue(three.stream().allMatch(m -> assigned(m) == 1),
          "still one partition each while all three handled records: the three consumed concurrently");
      Wait.until(() -> tally.distinct() >= N / 2, WAIT, "three members to make progress");
      a.close();
      b.close();
      futures.addAll(publishAll(publisher, "churn", 2 * N / 3, N));
      awaitAll(futures);
      try {
        Wait.until(() -> tally.distinct() >= N, WAIT, "the last member to finish");
      } finally {
        c.close();
      }
    }
    System.out.println(tally.report("2 -> 3 -> 1 consumers", N, elapsed(start))
        + String.format(", handled by member a %d, b %d, c %d, %d rebalance events", byMember[0].get(),
            byMember[1].get(), byMember[2].get(), rebalances.get()));
    assertEquals(N, tally.distinct());
    // Revoked partitions are committed after their running handlers return, so a clean hand-over
    // repeats nothing (0 here in practice); a commit that fails repeats at most what the group handled
    // in one commit interval, at the rate measured, for each of the 3 hand-overs (c joins, a and b leave).
    long millis = Math.max(1, elapsed(start));
    long explained = 3 * (long) Math.ceil((double) N * opts.commitInterval().toMillis() / millis);
    assertTrue(tally.duplicates() <= explained,
        "duplicates " + tally.duplicates() + " beyond what one commit interval explains (" + explained + ")");
  }

  private static int assigned(Application app) {
    return app.health().subscriptions().get(0).assignedPartitions();
  }

  private static Application member(ApplicationOptions opts, String group, Tally tally, AtomicInteger handled,
      AtomicLong rebalances) {
    Router router = Msg.router();
    router.subscribe("churn", group).concurrency(2).on(Msg.class, (m, ctx) -> {
      tally.add(m.id());
      handled.incrementAndGet();
    });
    Telemetry counting = new Telemetry() {
      @Override
      public void rebalanced(String g, int assignedCount, int revoked) {
        rebalances.incrementAndGet();
      }
    };
    return Application.create(opts.toBuilder().telemetry(counting).build()).mount(router).start();
  }

  @Test
  void handlerSlowerThanMaxPollIntervalCausesNoRebalanceLoop(TestKafka kafka) throws Exception {
    Tally tally = new Tally();
    AtomicInteger assignments = new AtomicInteger();
    AtomicInteger revocations = new AtomicInteger();
    Telemetry telemetry = new Telemetry() {
      @Override
      public void rebalanced(String group, int assigned, int revoked) {
        if (assigned > 0) {
          assignments.incrementAndGet();
        }
        if (revoked > 0) {
          revocations.incrementAndGet();
        }
      }
    };
    Router router = Msg.router();
    router.subscribe("slow", "slow-group").on(Msg.class, (m, ctx) -> {
      if (m.id() == 100 || m.id() == N / 2) {
        Thread.sleep(3_500);
      }
      tally.add(m.id());
    });
    long start = System.nanoTime();
    ApplicationOptions opts = options(kafka.bootstrapServers(), kafka.topicPrefix()).partitions(1)
        .consumerSetting("max.poll.interval.ms", 1500).telemetry(telemetry).build();
    try (Application app = Application.create(opts)) {
      app.mount(router);
      awaitAll(publishAll(app, "slow", 0, N));
      app.start();
      Wait.until(() -> tally.distinct() >= N, WAIT, "all messages past two handlers slower than max.poll.interval.ms");
    }
    System.out.println(tally.report("handler 3.5 s > max.poll.interval.ms 1.5 s", N, elapsed(start))
        + ", assignments " + assignments + ", revocations " + revocations);
    assertEquals(N, tally.distinct());
    assertEquals(1, assignments.get(), "one assignment, no rebalance loop");
    assertEquals(0, tally.duplicates());
  }

  @Test
  void poisonOfTwelveKindsIsDeadLetteredWhileEveryValidMessageIsHandled(TestKafka kafka) throws Exception {
    byte[][] poison = {
      "not json".getBytes(StandardCharsets.UTF_8),
      {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
      new byte[0],
      null,
      "[1,2,3]".getBytes(StandardCharsets.UTF_8),
      "\"just a string\"".getBytes(StandardCharsets.UTF_8),
      "{\"data\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8),
      "{\"schema\":1,\"data\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8),
      "{\"schema\":\"Msg:1\"}".getBytes(StandardCharsets.UTF_8),
      "{\"schema\":\"Msg:7\",\"data\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8),
      "{\"schema\":\"Msg:1\",\"data\":{\"id\":\"one\"}}".getBytes(StandardCharsets.UTF_8),
      "{\"schema\":\"Msg:1\",\"data\":{\"id\":-5}}".getBytes(StandardCharsets.UTF_8),
      "{\"schema\":\"Msg:1\",\"data\":{\"id\":1,".getBytes(StandardCharsets.UTF_8),
    };
    Tally tally = new Tally();
    AtomicLong deadLettered = new AtomicLong();
    Telemetry telemetry = new Telemetry() {
      @Override
      public void consumed(String group, String stream, Outcome outcome, String reason, long nanos, long lead) {
        if (outcome == Outcome.DEAD_LETTERED) {
          deadLettered.incrementAndGet();
        }
      }
    };
    Router router = Msg.router();
    router.subscribe("poisoned", "poison-group").concurrency(3).on(Msg.class, (m, ctx) -> tally.add(m.id()));
    long start = System.nanoTime();
    try (Application app = Application.create(options(kafka.bootstrapServers(), kafka.topicPrefix())
        .telemetry(telemetry).build())) {
      app.mount(router).start();
      List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
      int perPoison = N / poison.length;
      for (int i = 0; i < N; i++) {
        futures.add(app.publish("poisoned", new Msg(i, null)));
        if (i % perPoison == 0 && i / perPoison < poison.length) {
          futures.add(app.rawPublish("poisoned", null, poison[i / perPoison], java.util.Map.of()));
        }
      }
      futures.add(app.publish("poisoned", new Msg(N, "last"), null, java.util.Map.of()));
      awaitAll(futures);
      Wait.until(() -> tally.distinct() >= N + 1, WAIT, "every valid message");
      List<ConsumerRecord<byte[], byte[]>> dead = dev.tidings.testkit.TopicReader.readAll(
          kafka.bootstrapServers(), kafka.topicPrefix() + "poisoned.dlt", poison.length, WAIT);
      Set<String> reasons = new java.util.TreeSet<>();
      dead.forEach(r -> reasons.add(new String(r.headers().lastHeader("tidings.dlt.reason").value(), StandardCharsets.UTF_8)));
      System.out.println(tally.report(poison.length + " kinds of poison", N + 1, elapsed(start))
          + ", dead letters " + dead.size() + " " + reasons);
      assertEquals(poison.length, dead.size());
      assertEquals(Set.of("BIND_FAILED", "INVALID_DATA", "NOT_ENVELOPE", "NOT_JSON", "UNKNOWN_SCHEMA")
          .containsAll(reasons), true, reasons.toString());
      assertTrue(app.health().ready(), "consumer alive: " + app.health());
      assertEquals(poison.length, deadLettered.get());
    }
    assertEquals(N + 1, tally.distinct());
  }
}
