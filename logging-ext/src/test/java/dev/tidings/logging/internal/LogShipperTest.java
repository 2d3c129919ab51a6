package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.logging.DeliveryStats;
import dev.tidings.logging.LogRecord;
import dev.tidings.testkit.Wait;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The queue, drop accounting and close against a broker that is not there. */
class LogShipperTest {
  private final List<String> reports = new CopyOnWriteArrayList<>();
  private final List<Snapshot> fallback = new CopyOnWriteArrayList<>();

  private static String unreachable() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }

  private LogShipper start(ShipperConfig.Builder builder) {
    return LogShipper.start(builder.build(), (kind, message, cause) -> reports.add(kind + " " + message), fallback::add);
  }

  private static Snapshot event(int severity, String message) {
    return new Snapshot(Instant.now(), Levels.level(severity), severity, Levels.level(severity).name(), "test",
        Thread.currentThread().getName(), message, null, null, null, Map.of(), null, List.of(), null, null, null, null);
  }

  @Test
  void aFullQueueDropsAndCountsAndCloseReportsWhatIsLeft() throws IOException {
    LogShipper shipper = start(ShipperConfig.builder("shipper", k -> k)
        .servers(unreachable())
        .stream("logs")
        .queueSize(10)
        .closeTimeoutMillis(1_000)
        .reportInterval(Duration.ofMillis(50)));
    int accepted = 0;
    for (int i = 0; i < 1_000; i++) {
      if (shipper.offer(event(9, "e" + i))) {
        accepted++;
      }
    }
    DeliveryStats stats = shipper.stats();
    assertEquals(accepted, stats.accepted());
    assertEquals(1_000, stats.accepted() + stats.dropped(), stats.toString());
    assertTrue(stats.dropped() > 0, stats.toString());
    Wait.until(() -> reports.stream().anyMatch(r -> r.startsWith("DROP shipper dropped")), Duration.ofSeconds(10),
        "a drop report, got " + reports);

    shipper.close();
    assertFalse(shipper.offer(event(17, "after close")), "closed: dropped");
    Wait.until(() -> reports.stream().anyMatch(r -> r.startsWith("CLOSE shipper closed with")), Duration.ofSeconds(10),
        "a close report, got " + reports);
    // Records the producer still held when it was closed fail through their callbacks, possibly just
    // after the close report.
    Wait.until(() -> shipper.stats().failed() > 0, Duration.ofSeconds(10),
        "queued events abandoned at close to count as failed: " + shipper.stats());
    DeliveryStats after = shipper.stats();
    assertEquals(0, after.published());
    assertEquals(0, after.queued());
    Wait.until(() -> fallback.size() >= after.failed(), Duration.ofSeconds(10),
        "abandoned events reach the fallback: " + fallback.size() + " of " + after.failed());
  }

  @Test
  void dropBelowWarnFirstKeepsAFifthOfTheQueueForWarnings() throws IOException {
    LogShipper shipper = start(ShipperConfig.builder("shipper", k -> k)
        .servers(unreachable())
        .stream("logs")
        .queueSize(10)
        .dropBelowWarnFirst(true)
        .closeTimeoutMillis(500));
    try {
      // The background thread sends 10 events (never answered: nothing listens) and blocks with the 11th,
      // waiting for an in-flight permit; from then on the queue only fills.
      for (int i = 0; i < 11; i++) {
        assertTrue(shipper.offer(event(9, "in flight " + i)));
        Wait.until(() -> shipper.stats().queued() == 0, Duration.ofSeconds(10), "the event taken");
      }
      for (int i = 0; i < 100; i++) {
        shipper.offer(event(9, "info"));
      }
      assertEquals(8, shipper.stats().queued(), "INFO fills the queue up to a fifth: " + shipper.stats());
      assertFalse(shipper.offer(event(9, "info")), "INFO is dropped once only a fifth is free");
      assertFalse(shipper.offer(event(5, "debug")));
      assertTrue(shipper.offer(event(13, "warn")), "WARN still fits");
      assertTrue(shipper.offer(event(17, "error")), "ERROR still fits");
      assertFalse(shipper.offer(event(17, "error")), "a full queue drops everything");
    } finally {
      shipper.close();
    }
  }

  @Test
  void aKafkaSettingTheClientRejectsFailsEachRecordAndIsReported() throws IOException {
    LogShipper shipper = start(ShipperConfig.builder("shipper", k -> k)
        .servers(unreachable())
        .stream("logs")
        .kafkaSetting("retry.backoff.ms=soon")
        .closeTimeoutMillis(500));
    try {
      for (int i = 0; i < 3; i++) {
        assertTrue(shipper.offer(event(9, "e" + i)));
      }
      Wait.until(() -> shipper.stats().failed() == 3, Duration.ofSeconds(15), "3 failed: " + shipper.stats());
      Wait.until(() -> reports.stream().anyMatch(r -> r.startsWith("DELIVERY") && r.contains("retry.backoff.ms")),
          Duration.ofSeconds(10), "a delivery report naming the setting, got " + reports);
      Wait.until(() -> fallback.size() == 3, Duration.ofSeconds(10), "3 in the fallback, got " + fallback.size());
    } finally {
      shipper.close();
    }
  }
}
