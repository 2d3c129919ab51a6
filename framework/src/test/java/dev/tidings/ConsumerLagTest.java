package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tidings.Fixtures.Foo;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lag counts from the committed offset (regression: it was counted from the consumer's position,
 * so records fetched and queued inside Tidings did not count), and records in flight are reported
 * separately, per partition and in total (for a queue subscription in total only).
 */
@ExtendWith(KafkaExtension.class)
class ConsumerLagTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void recordsFetchedButNotHandledCountAsLagAndInFlight(TestKafka kafka) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Router router = Fixtures.router();
    router.subscribe("lagging", "lag-group").on(Foo.class, (foo, ctx) -> {
      entered.countDown();
      release.await(60, TimeUnit.SECONDS);
    });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      for (int i = 0; i < 10; i++) {
        app.publishAndWait("lagging", new Foo("f" + i));
      }
      app.start();
      try {
        entered.await(30, TimeUnit.SECONDS);
        String partition = kafka.topic("lagging") + "-0";
        Wait.until(() -> Long.valueOf(10).equals(inFlight(app).get(partition)), WAIT,
            "10 records in flight (have " + inFlight(app) + ")");
        assertEquals(Long.valueOf(10), lag(app).get(partition),
            "all 10 are fetched, none committed: " + app.health());
        assertEquals(10, app.health().subscriptions().get(0).inFlightRecords(), "the total of the partitions");
      } finally {
        release.countDown();
      }
      Wait.until(() -> Long.valueOf(0).equals(lag(app).get(kafka.topic("lagging") + "-0"))
          && Long.valueOf(0).equals(inFlight(app).get(kafka.topic("lagging") + "-0")), WAIT,
          "lag and in-flight to drop to 0 once handled and committed (have " + app.health() + ")");
      assertEquals(0, app.health().subscriptions().get(0).inFlightRecords());
    }
  }

  @Test
  void aQueueSubscriptionReportsTheRecordsItsConsumersHold(TestKafka kafka) throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Router router = Fixtures.router();
    router.subscribe("queued", "queue-" + kafka.topicPrefix()).mode(SubscriptionMode.SHARE).on(Foo.class, (foo, ctx) -> {
      entered.countDown();
      release.await(60, TimeUnit.SECONDS);
    });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      for (int i = 0; i < 3; i++) {
        app.publishAndWait("queued", new Foo("q" + i));
      }
      try {
        entered.await(30, TimeUnit.SECONDS);
        Wait.until(() -> app.health().subscriptions().get(0).inFlightRecords() > 0, WAIT,
            "records held by the share consumer (have " + app.health() + ")");
        assertEquals(Map.of(), inFlight(app), "a queue subscription owns no partitions");
      } finally {
        release.countDown();
      }
      Wait.until(() -> app.health().subscriptions().get(0).inFlightRecords() == 0, WAIT,
          "nothing held once the records are handled (have " + app.health() + ")");
    }
  }

  private static Map<String, Long> lag(Application app) {
    return app.health().subscriptions().get(0).lag();
  }

  private static Map<String, Long> inFlight(Application app) {
    return app.health().subscriptions().get(0).inFlight();
  }
}
