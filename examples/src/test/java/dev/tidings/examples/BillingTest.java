package dev.tidings.examples;

import static dev.tidings.examples.Apps.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages flow from a publish to the generated subscriptions, and {@link Billing} republishes
 * through its {@code Subscriber} to {@code invoices}, where {@link Ledger} books them.
 */
@ExtendWith(KafkaExtension.class)
class BillingTest {
  private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void placedOrderIsInvoicedAndBookedWithItsTraceHeader(TestKafka kafka) {
    Clock clock = Clock.fixed(Instant.parse("2030-05-01T12:00:00Z"), ZoneOffset.UTC);
    Router router = new Router()
        .provide(Billing.class, () -> new Billing(clock))
        .registerDiscovered(BillingTest.class.getClassLoader());
    try (Application app = Application.create(Apps.options(kafka))) {
      app.mount(router).start();
      OrderPlaced order = new OrderPlaced(
          "o-42",
          "ada",
          List.of(
              new OrderPlaced.Line("sku-1", 3, new BigDecimal("2.50")),
              new OrderPlaced.Line("sku-2", 1, new BigDecimal("10.00"))),
          Instant.parse("2030-05-01T11:59:00Z"),
          Optional.empty());
      app.publish("orders.eu", order, null, Map.of("traceparent", TRACE)).join();

      Ledger ledger = router.instance(Ledger.class, Ledger::new);
      Wait.until(() -> ledger.owed("ada").compareTo(new BigDecimal("17.50")) == 0, WAIT, "the invoice of o-42 booked");
      assertEquals(Optional.of(TRACE), ledger.traceOf("o-42"), "the republished invoice keeps the order's trace");

      List<ConsumerRecord<byte[], byte[]>> invoices = kafka.readAll(kafka.topic("invoices"), 1, WAIT);
      assertEquals(1, invoices.size());
      assertEquals(
          "{\"schema\":\"InvoiceIssued:1\",\"data\":{\"invoiceId\":\"inv-42\",\"orderId\":\"o-42\","
              + "\"customer\":\"ada\",\"total\":17.50,\"issuedAt\":\"2030-05-01T12:00:00Z\"}}",
          new String(invoices.get(0).value(), StandardCharsets.UTF_8));
      assertTrue(
          invoices.get(0).headers().lastHeader("traceparent") != null, "traceparent header on the invoice");
    }
  }
}
