package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Regression test for KAFKA-15591: a burst published right after the first publish created a
 * multi-partition topic must lose nothing and never stall.
 */
@ExtendWith(KafkaExtension.class)
class TopicCreationTest {
  private static final int TOPICS = 20;
  private static final int PER_TOPIC = 2000;

  @Test
  void burstsIntoFreshTopicsLoseNothingAndNeverStall(TestKafka kafka) throws Exception {
    ApplicationOptions options = TestApps.options(kafka).partitions(3)
        .producerSetting("delivery.timeout.ms", 30_000).producerSetting("request.timeout.ms", 10_000).build();
    try (Application app = Application.create(options)) {
      app.mount(Fixtures.router());
      long start = System.nanoTime();
      List<CompletableFuture<PublishResult>> all = new ArrayList<>();
      for (int t = 0; t < TOPICS; t++) {
        for (int i = 0; i < PER_TOPIC; i++) {
          byte[] key = i % 2 == 0 ? null : Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
          all.add(app.publish("burst" + t, new Foo(t + "-" + i), key));
        }
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      System.out.printf("published %d records to %d fresh topics in %d ms%n", TOPICS * PER_TOPIC, TOPICS, millis);
      for (int t = 0; t < TOPICS; t++) {
        var records = kafka.readAll(kafka.topicPrefix() + "burst" + t, PER_TOPIC, Duration.ofSeconds(30));
        Set<String> values = new HashSet<>();
        Set<Integer> partitions = new HashSet<>();
        records.forEach(r -> {
          values.add(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
          partitions.add(r.partition());
        });
        assertEquals(PER_TOPIC, values.size(), "distinct messages on burst" + t);
        assertEquals(3, partitions.size(), "partitions used by burst" + t);
      }
    }
  }

  @Test
  void flushWaitsForRecordsQueuedBehindAFreshPartitionsFirstRecord(TestKafka kafka) throws Exception {
    try (Application app = Application.create(TestApps.options(kafka).partitions(3).build())) {
      app.mount(Fixtures.router());
      List<CompletableFuture<PublishResult>> all = publishBurst(app, "flushed");
      app.flush();
      long unanswered = all.stream().filter(f -> !f.isDone()).count();
      assertEquals(0, unanswered, "publishes still unanswered after flush()");
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
    }
    assertEquals(PER_TOPIC, distinct(kafka, "flushed"), "distinct messages stored");
  }

  @Test
  void closeRightAfterABurstIntoAFreshTopicLosesNothing(TestKafka kafka) throws Exception {
    List<CompletableFuture<PublishResult>> all;
    try (Application app = Application.create(TestApps.options(kafka).partitions(3).build())) {
      app.mount(Fixtures.router());
      all = publishBurst(app, "closed");
    }
    for (CompletableFuture<PublishResult> f : all) {
      f.get(1, TimeUnit.SECONDS); // throws if close() failed a queued publish
    }
    assertEquals(PER_TOPIC, distinct(kafka, "closed"), "distinct messages stored");
  }

  private static List<CompletableFuture<PublishResult>> publishBurst(Application app, String stream) {
    List<CompletableFuture<PublishResult>> all = new ArrayList<>();
    for (int i = 0; i < PER_TOPIC; i++) {
      all.add(app.publish(stream, new Foo(stream + "-" + i)));
    }
    return all;
  }

  private static int distinct(TestKafka kafka, String stream) {
    Set<String> values = new HashSet<>();
    kafka.readAll(kafka.topicPrefix() + stream, PER_TOPIC, Duration.ofSeconds(30))
        .forEach(r -> values.add(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
    return values.size();
  }
}
