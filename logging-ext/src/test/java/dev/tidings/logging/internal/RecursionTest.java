package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RecursionTest {
  @Test
  void kafkaAndTidingsLoggersAreExcludedButNotTheirLookalikes() {
    assertTrue(Recursion.excluded("org.apache.kafka.clients.producer.KafkaProducer"));
    assertTrue(Recursion.excluded("org.apache.kafka"));
    assertTrue(Recursion.excluded("kafka.server.KafkaApis"));
    assertTrue(Recursion.excluded("state.change.logger"));
    assertTrue(Recursion.excluded("dev.tidings.internal.KafkaApplication"));
    assertTrue(Recursion.excluded("dev.tidings.logging.internal.LogShipper"));
    assertFalse(Recursion.excluded("org.apache.kafkaesque.Thing"));
    assertFalse(Recursion.excluded("kafkaish"));
    assertFalse(Recursion.excluded("dev.tidingsfan.App"));
    assertFalse(Recursion.excluded("com.example.Orders"));
    assertFalse(Recursion.excluded(null));
  }

  @Test
  void everythingOnTheShipperThreadAndInsideCallbacksIsExcluded() throws InterruptedException {
    AtomicBoolean onShipper = new AtomicBoolean();
    Thread t = new ShipperThread(() -> onShipper.set(Recursion.excluded("com.example.Orders")), "test-shipper");
    t.start();
    t.join();
    assertTrue(onShipper.get());

    Recursion.enter();
    try {
      assertTrue(Recursion.excluded("com.example.Orders"));
    } finally {
      Recursion.exit();
    }
    assertFalse(Recursion.excluded("com.example.Orders"));
  }
}
