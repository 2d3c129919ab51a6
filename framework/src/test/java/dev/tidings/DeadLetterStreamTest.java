package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A subscription never consumes its own dead letters, whatever its dead-letter stream is called
 * (regression: only the default {@code .dlt} suffix was kept out of a pattern, so a custom
 * dead-letter stream matching the pattern was consumed and re-dead-lettered forever).
 */
@ExtendWith(KafkaExtension.class)
class DeadLetterStreamTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void customDeadLetterStreamMatchingThePatternIsNotConsumed(TestKafka kafka) {
    kafka.createTopic(kafka.topic("dl.in"), 1);
    kafka.createTopic(kafka.topic("dl.dead"), 1);
    Recorder<String> seen = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("dl.*", "dl-" + kafka.topicPrefix()).maxAttempts(1).deadLetterStream("dl.dead")
        .on(Foo.class, (foo, ctx) -> {
          seen.add(ctx.stream() + "=" + foo.bar());
          if (foo.bar().equals("bad")) {
            throw new IllegalStateException("fails on purpose");
          }
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publishAndWait("dl.in", new Foo("bad"));
      app.start();
      assertEquals(1, kafka.readAll(kafka.topic("dl.dead"), 1, WAIT).size());
      app.publishAndWait("dl.in", new Foo("good"));
      seen.awaitAtLeast(2, "the failing and the good record");
      Wait.until(() -> app.health().subscriptions().get(0).state() == Health.State.RUNNING, WAIT, "running");
      assertEquals(1, app.health().subscriptions().get(0).assignedPartitions(),
          "only dl.in is assigned, not the dead-letter topic: " + app.health());
      assertEquals(List.of("dl.in=bad", "dl.in=good"), seen.items());
    }
    assertEquals(1, kafka.readToEnd(kafka.topic("dl.dead"), WAIT).size(),
        "the dead letter was written once");
  }

  @Test
  void aSubscriptionReadingItsOwnDeadLetterStreamIsRefusedAtStart(TestKafka kafka) {
    Router explicit = Fixtures.router();
    explicit.subscribeStreams(List.of("jobs", "jobs.failed"), "g1").deadLetterStream("jobs.failed")
        .on(Foo.class, (foo, ctx) -> { });
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> start(kafka, explicit));
    assertEquals("subscription 'jobs,jobs.failed' (group g1) reads 'jobs.failed', which is also where it"
        + " dead-letters the records of 'jobs' it fails on: it would consume its own dead letters and fail on"
        + " them again. Set deadLetterStream to a stream it does not read, or subscribe to the dead letters in"
        + " another group.", e.getMessage());

    Router plain = Fixtures.router();
    plain.subscribe("jobs", "g2").deadLetterStream("jobs").on(Foo.class, (foo, ctx) -> { });
    assertTrue(assertThrows(ConfigurationException.class, () -> start(kafka, plain)).getMessage()
        .startsWith("subscription 'jobs' (group g2) reads 'jobs', which is also where it dead-letters"));

    Router withDefault = Fixtures.router();
    withDefault.subscribeStreams(List.of("jobs", "jobs.dlt"), "g3").on(Foo.class, (foo, ctx) -> { });
    assertTrue(assertThrows(ConfigurationException.class, () -> start(kafka, withDefault)).getMessage()
        .contains("reads 'jobs.dlt', which is also where it dead-letters the records of 'jobs'"));
  }

  private static void start(TestKafka kafka, Router router) {
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
    }
  }
}
