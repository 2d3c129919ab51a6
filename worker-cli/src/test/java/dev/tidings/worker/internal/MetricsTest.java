package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Health;
import dev.tidings.Telemetry;
import dev.tidings.Telemetry.Outcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final Metrics metrics = new Metrics();
  private final Telemetry telemetry = metrics.telemetry();

  @Test
  void countsPublishedAndConsumedMessagesByOutcome() {
    telemetry.published("orders", true, 2_000_000);
    telemetry.published("orders", true, 4_000_000);
    telemetry.published("orders", false, 1_000_000);
    telemetry.consumed("billing", "orders", Outcome.HANDLED, null, 5_000_000, 1500);
    telemetry.consumed("billing", "orders", Outcome.RETRIED, "java.io.IOException", 1_000_000, 10);
    telemetry.consumed("billing", "orders", Outcome.DEAD_LETTERED, "java.io.IOException", 0, 0);
    telemetry.consumed("billing", "orders", Outcome.SKIPPED, "NOT_JSON", 0, 0);
    telemetry.rebalanced("billing", 3, 0);
    telemetry.rebalanced("billing", 0, 3);
    telemetry.inFlight("queue", 5);
    telemetry.acknowledged("queue", "jobs", Telemetry.Acknowledgement.ACCEPTED);
    telemetry.acknowledged("queue", "jobs", Telemetry.Acknowledgement.RELEASED);
    telemetry.acknowledged("queue", "jobs", Telemetry.Acknowledgement.ACCEPTED);
    telemetry.inFlight("queue", -2);

    String text = metrics.scrape();
    assertContains(text, "tidings_messages_published_total{outcome=\"ok\",stream=\"orders\"} 2.0");
    assertContains(text, "tidings_messages_published_total{outcome=\"error\",stream=\"orders\"} 1.0");
    assertContains(text, "tidings_publish_duration_seconds_count{stream=\"orders\"} 3");
    assertContains(text, "tidings_messages_consumed_total{group=\"billing\",outcome=\"handled\",stream=\"orders\"} 1.0");
    assertContains(text, "tidings_handler_duration_seconds_sum{group=\"billing\",outcome=\"handled\",stream=\"orders\"} 0.005");
    assertContains(text, "tidings_messages_failed_total{group=\"billing\",outcome=\"retried\",reason=\"java.io.IOException\","
        + "stream=\"orders\"} 1.0");
    assertContains(text, "tidings_messages_failed_total{group=\"billing\",outcome=\"dead_lettered\","
        + "reason=\"java.io.IOException\",stream=\"orders\"} 1.0");
    assertContains(text, "tidings_messages_skipped_total{group=\"billing\",reason=\"NOT_JSON\",stream=\"orders\"} 1.0");
    assertContains(text, "tidings_message_lead_time_seconds_sum{group=\"billing\",stream=\"orders\"} 1.5");
    assertContains(text, "tidings_rebalances_total{group=\"billing\",kind=\"assigned\"} 1.0");
    assertContains(text, "tidings_rebalances_total{group=\"billing\",kind=\"revoked\"} 1.0");
    assertContains(text, "tidings_share_acknowledgements_total{group=\"queue\",kind=\"accepted\",stream=\"jobs\"} 2.0");
    assertContains(text, "tidings_share_acknowledgements_total{group=\"queue\",kind=\"released\",stream=\"jobs\"} 1.0");
    assertContains(text, "tidings_share_in_flight{group=\"queue\"} 3.0");
    assertContains(text, "jvm_memory_used_bytes");
  }

  @Test
  void countsRequestsRepliesAndDroppedReplies() {
    Telemetry t = telemetry;
    t.requestCompleted("executions", "REPLIED", 14_000_000);
    t.requestCompleted("executions", "TIMED_OUT", 30_000_000_000L);
    t.replyDropped("tidings.replies.x", "LATE");
    t.replied("executors", "tidings.replies.x", true);
    t.replyUnroutable("executors", "executions");
    String text = metrics.scrape();
    assertContains(text, "tidings_requests_total{outcome=\"replied\",stream=\"executions\"} 1.0");
    assertContains(text, "tidings_requests_total{outcome=\"timed_out\",stream=\"executions\"} 1.0");
    assertContains(text, "tidings_request_duration_seconds_count{stream=\"executions\"} 2");
    assertContains(text, "tidings_replies_dropped_total{reason=\"late\"} 1.0");
    assertContains(text, "tidings_replies_sent_total{group=\"executors\",kind=\"failure\"} 1.0");
    assertContains(text, "tidings_replies_unroutable_total{group=\"executors\",stream=\"executions\"} 1.0");
  }

  @Test
  void healthGaugesFollowTheApplicationOnEveryScrape() {
    AtomicReference<Health> health = new AtomicReference<>(new Health(true, true, List.of(
        new Health.SubscriptionHealth("billing", "orders.*", Health.State.RUNNING, 2,
            Map.of("shop.orders.eu-0", 5L, "shop.orders.eu-1", 0L), null, Map.of("shop.orders.eu-0", 3L)))));
    metrics.bind(health::get);

    String text = metrics.scrape();
    assertContains(text, "tidings_health_live 1.0");
    assertContains(text, "tidings_health_ready 1.0");
    assertContains(text, "tidings_consumer_lag{group=\"billing\",partition=\"0\",topic=\"shop.orders.eu\"} 5.0");
    assertContains(text, "tidings_consumer_lag{group=\"billing\",partition=\"1\",topic=\"shop.orders.eu\"} 0.0");
    assertContains(text, "tidings_consumer_in_flight{group=\"billing\",partition=\"0\",topic=\"shop.orders.eu\"} 3.0");
    assertContains(text, "tidings_partitions_assigned{group=\"billing\"} 2.0");
    assertContains(text, "tidings_subscription_state{group=\"billing\",state=\"running\"} 1.0");
    assertContains(text, "tidings_subscription_state{group=\"billing\",state=\"failed\"} 0.0");

    health.set(new Health(true, false, List.of(
        new Health.SubscriptionHealth("billing", "orders.*", Health.State.FAILED, 1,
            Map.of("shop.orders.eu-1", 7L), "boom"))));
    text = metrics.scrape();
    assertContains(text, "tidings_health_ready 0.0");
    assertContains(text, "tidings_consumer_lag{group=\"billing\",partition=\"1\",topic=\"shop.orders.eu\"} 7.0");
    assertFalse(text.contains("partition=\"0\",topic=\"shop.orders.eu\""), "a revoked partition's lag is gone");
    assertContains(text, "tidings_subscription_state{group=\"billing\",state=\"failed\"} 1.0");
  }

  @Test
  void telemetryNeverThrows() {
    telemetry.consumed("g", "s", Outcome.HANDLED, null, 1, 1);
    telemetry.consumed(null, "s", Outcome.FAILED, null, 1, 1);
    telemetry.published(null, true, 1);
  }

  private static void assertContains(String text, String expected) {
    assertTrue(text.contains(expected), () -> "missing: " + expected + "\nin:\n" + text);
  }
}
