package dev.tidings.examples;

import static dev.tidings.examples.Apps.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tidings.Application;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One subscription with a handler per schema ({@link Shipping}), next to a raw handler of the same
 * streams in another group ({@link Audit}).
 */
@ExtendWith(KafkaExtension.class)
class ShippingTest {

  @Test
  void eachSchemaReachesItsOwnMethodAndTheRawHandlerSeesBoth(TestKafka kafka) {
    Router router = Router.discover();
    try (Application app = Application.create(Apps.options(kafka))) {
      app.mount(router).start();
      app.publishAndWait("orders.us", ExampleProducer.order(7));
      app.publishAndWait("orders.us", ExampleProducer.shipment(7));

      Shipping shipping = router.instance(Shipping.class, Shipping::new);
      Wait.until(() -> shipping.status("o-7") == Shipping.Status.SHIPPED, WAIT, "o-7 shipped");
      assertEquals(
          List.of("orders.us: placed o-7", "orders.us: shipped o-7 with COURIER"), shipping.log(),
          "records of one partition are handled in order");

      Audit audit = router.instance(Audit.class, Audit::new);
      Wait.until(() -> audit.count("OrderShipped:1") == 1, WAIT, "the audit of the shipment");
      assertEquals(1, audit.count("OrderPlaced:1"));
    }
  }
}
