package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-subscription settings {@code noRetryFor} and {@code maxInFlight} do what they say. */
@ExtendWith(KafkaExtension.class)
class DeliverySettingsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void noRetryForDeadLettersAtOnceWhileOtherFailuresAreRetried(TestKafka kafka) {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    Recorder<String> handled = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("strict", "strict-group").maxAttempts(5).backoff(Duration.ofMillis(10), Duration.ofMillis(10))
        .noRetryFor(IllegalArgumentException.class)
        .on(Foo.class, (foo, ctx) -> {
          int n = attempts.computeIfAbsent(foo.bar(), k -> new AtomicInteger()).incrementAndGet();
          if (foo.bar().equals("fatal")) {
            throw new NumberFormatException("never parses"); // an IllegalArgumentException
          }
          if (foo.bar().equals("flaky") && n <= 2) {
            throw new IllegalStateException("transient");
          }
          handled.add(foo.bar());
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publishAndWait("strict", new Foo("fatal"));
      app.publishAndWait("strict", new Foo("flaky"));
      app.start();
      assertEquals(List.of("flaky"), handled.awaitAtLeast(1, "the flaky record after its retries"));
      ConsumerRecord<byte[], byte[]> dead = kafka.readAll(kafka.topic("strict.dlt"), 1, WAIT).get(0);
      assertEquals("1", new String(dead.headers().lastHeader("tidings.dlt.attempts").value(), StandardCharsets.UTF_8));
      assertEquals(NumberFormatException.class.getName(),
          new String(dead.headers().lastHeader("tidings.dlt.exception.class").value(), StandardCharsets.UTF_8));
      assertEquals(1, attempts.get("fatal").get(), "not retried");
      assertEquals(3, attempts.get("flaky").get(), "retried");
    }
  }

  @Test
  void maxInFlightBoundsWhatIsFetchedAheadOfTheHandler(TestKafka kafka) throws Exception {
    int maxInFlight = 5;
    int pollRecords = 3;
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    Router router = Fixtures.router();
    router.subscribe("bounded", "bounded-group").maxInFlight(maxInFlight).on(Foo.class, (foo, ctx) -> {
      release.await(60, TimeUnit.SECONDS);
      handled.incrementAndGet();
    });
    ApplicationOptions options = TestApps.options(kafka).consumerSetting("max.poll.records", pollRecords).build();
    try (Application app = Application.create(options)) {
      app.mount(router);
      for (int i = 0; i < 200; i++) {
        app.publish("bounded", new Foo("f" + i));
      }
      app.flush();
      app.start();
      String partition = kafka.topic("bounded") + "-0";
      try {
        // The handler holds the first record: the poll thread fetches ahead until maxInFlight wait.
        Wait.until(() -> Long.valueOf(200).equals(app.health().subscriptions().get(0).lag().get(partition))
            && app.health().subscriptions().get(0).inFlight().getOrDefault(partition, 0L) >= maxInFlight,
            WAIT, "the lag of all 200 records and " + maxInFlight + " records in flight to be seen");
        long inFlight = app.health().subscriptions().get(0).inFlight().getOrDefault(partition, -1L);
        // The partition is paused once maxInFlight records wait; one more poll may have been under way.
        assertTrue(inFlight >= maxInFlight && inFlight <= maxInFlight - 1 + pollRecords,
            "in flight " + inFlight + " with maxInFlight " + maxInFlight + ": " + app.health());
      } finally {
        release.countDown();
      }
      Wait.until(() -> handled.get() == 200, WAIT, "all 200 records once released");
    }
  }
}
