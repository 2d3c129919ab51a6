package dev.tidings.examples;

import static dev.tidings.examples.Apps.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample data passes the derived schemas as Jackson writes it (durations with fractions, local
 * times, UUIDs, sets of enums, optional values), and flows through every subscription.
 */
@ExtendWith(KafkaExtension.class)
class ExampleProducerTest {

  @Test
  void sampleOrdersAreValidAndReachEveryHandler(TestKafka kafka) {
    Router router = Router.discover();
    try (Application app = Application.create(Apps.options(kafka))) {
      app.mount(router).start();
      Shipping shipping = router.instance(Shipping.class, Shipping::new);
      Ledger ledger = router.instance(Ledger.class, Ledger::new);
      try (ExampleProducer producer = ExampleProducer.start(app, Duration.ofMillis(50))) {
        Wait.until(() -> shipping.status("o-3") == Shipping.Status.SHIPPED, WAIT, "o-3 shipped");
        Wait.until(() -> ledger.owed("customer-1").signum() > 0, WAIT, "an invoice for customer-1");
        assertTrue(producer.published() >= 4, "published " + producer.published());
      }
      assertEquals(Shipping.Status.SHIPPED, shipping.status("o-1"));
      assertEquals(Shipping.Status.SHIPPED, shipping.status("o-2"));
    }
  }

  @Test
  void intervalMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> ExampleProducer.start(null, Duration.ZERO));
  }
}
