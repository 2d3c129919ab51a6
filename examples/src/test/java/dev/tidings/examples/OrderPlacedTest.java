package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.Router;
import dev.tidings.SchemaValidationException;
import dev.tidings.SchemaValidationException.Violation;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The derived schema of {@link OrderPlaced} rejects what its annotations forbid, before anything is sent. */
@ExtendWith(KafkaExtension.class)
class OrderPlacedTest {

  @Test
  void invalidOrderIsRejectedWithPointerAndRule(TestKafka kafka) {
    try (Application app = Application.create(Apps.options(kafka))) {
      app.mount(Router.discover());
      OrderPlaced invalid = new OrderPlaced(
          "42",
          "  ",
          List.of(new OrderPlaced.Line("sku-1", 0, new BigDecimal("-1"))),
          Instant.now(),
          Optional.empty());
      SchemaValidationException e =
          assertThrows(SchemaValidationException.class, () -> app.publish("orders.eu", invalid));
      assertEquals("OrderPlaced:1", e.schema());
      List<String> broken = e.violations().stream().map(v -> v.pointer() + " " + v.rule()).toList();
      assertEquals(
          List.of("/customer pattern", "/lines/0/quantity minimum", "/lines/0/unitPrice minimum", "/orderId pattern"),
          broken, e.getMessage());
      assertTrue(e.getMessage().contains("at /lines/0/quantity: "), e.getMessage());
      assertTrue(e.getMessage().contains("[minimum]"), e.getMessage());
    }
  }

  @Test
  void orderWithoutLinesOrWithoutRequiredValuesIsRejected(TestKafka kafka) {
    try (Application app = Application.create(Apps.options(kafka))) {
      app.mount(Router.discover());
      SchemaValidationException empty = assertThrows(SchemaValidationException.class,
          () -> app.publish("orders.eu", new OrderPlaced("o-1", "ada", List.of(), Instant.now(), Optional.empty())));
      assertEquals(List.of(new Violation("/lines", "minItems", empty.violations().get(0).message())),
          empty.violations());
      SchemaValidationException missing = assertThrows(SchemaValidationException.class,
          () -> app.publish("orders.eu", new OrderPlaced("o-1", "ada", List.of(
              new OrderPlaced.Line("sku", 1, BigDecimal.ONE)), null, Optional.empty())));
      assertEquals("/placedAt", missing.violations().get(0).pointer(), missing.getMessage());
    }
  }
}
