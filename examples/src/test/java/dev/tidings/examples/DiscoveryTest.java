package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tidings.FailurePolicy;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated registrations, found with {@link java.util.ServiceLoader} through {@link Router#discover()}. */
class DiscoveryTest {

  private static Map<String, Subscription> byGroup(Router router) {
    return router.subscriptions().stream().collect(Collectors.toMap(Subscription::group, Function.identity()));
  }

  /**
   * The schemas of the shop; the test sources add the {@code check.*} samples of the generated checks'
   * test, and the HTTP sink on the class path its own.
   */
  private static Set<String> shopSchemas(Router router) {
    return router.schemas().values().stream()
        .filter(d -> d.type().getPackageName().equals(DiscoveryTest.class.getPackageName()))
        .map(SchemaDefinition::key).collect(Collectors.toSet());
  }

  @Test
  void discoverFindsEverySchemaWithItsSettings() {
    Router router = Router.discover();
    assertEquals(Set.of("InvoiceIssued:1", "OrderPlaced:1", "OrderShipped:1", "ExecutionRequest:1",
        "ExecutionResult:1"), shopSchemas(router));
    SchemaDefinition<?> placed = router.schemas().get("OrderPlaced:1");
    assertEquals(OrderPlaced.class, placed.type());
    assertEquals(Optional.of(Duration.ofDays(7)), placed.retention());
    assertEquals(List.of("orders.eu", "orders.us"), placed.streams());
    assertEquals(Optional.of(Duration.ofDays(30)), router.schemas().get("OrderShipped:1").retention());
    assertEquals(Optional.empty(), router.schemas().get("InvoiceIssued:1").retention());
    assertEquals(List.of("invoices"), router.schemas().get("InvoiceIssued:1").streams());
  }

  @Test
  void discoverFindsEverySubscriptionWithItsHandlersAndSettings() {
    Map<String, Subscription> groups = byGroup(Router.discover());
    assertEquals(Set.of("audit", "billing", "executors", "ledger", "shipping"), groups.keySet());
    Subscription executors = groups.get("executors");
    assertEquals("executions", executors.pattern());
    assertEquals("execution.results", executors.replyTo());
    assertEquals(Set.of(ExecutionRequest.class), executors.requestHandlers().keySet());
    assertEquals(2, executors.maxAttempts());

    Subscription billing = groups.get("billing");
    assertEquals("orders.*", billing.pattern());
    assertEquals(Set.of(OrderPlaced.class), billing.handlers().keySet());
    assertEquals(3, billing.maxAttempts());

    Subscription shipping = groups.get("shipping");
    assertEquals("orders.*", shipping.pattern());
    assertEquals(
        List.of(OrderPlaced.class, OrderShipped.class), List.copyOf(shipping.handlers().keySet()),
        "two methods with the same pattern and group share one subscription");
    assertNull(shipping.fallback());

    Subscription audit = groups.get("audit");
    assertNotNull(audit.fallback(), "a JsonNode handler is the raw handler");
    assertEquals(Map.of(), audit.handlers());
    assertEquals(FailurePolicy.SKIP, audit.failurePolicy());

    assertEquals("invoices", groups.get("ledger").pattern());
  }

  @Test
  void aFactoryGivenBeforeRegisteringReplacesTheNoArgumentConstructor() {
    Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    Billing billing = new Billing(fixed);
    Router router = new Router()
        .provide(Billing.class, () -> billing)
        .registerDiscovered(DiscoveryTest.class.getClassLoader());
    assertSame(billing, router.instance(Billing.class, Billing::new));
    assertEquals(5, router.subscriptions().size());
  }

  @Test
  void eachHandlerClassHasOneInstancePerRouter() {
    Router router = Router.discover();
    Shipping shipping = router.instance(Shipping.class, () -> {
      throw new AssertionError("the registration created it already");
    });
    assertSame(shipping, router.instance(Shipping.class, Shipping::new));
  }
}
