package dev.tidings.examples;

import dev.tidings.FailurePolicy;
import dev.tidings.Subscribe;
import dev.tidings.Subscriber;
import java.time.Clock;

/**
 * Issues an invoice for every placed order, in any region ({@code orders.*}), and publishes it to
 * {@code invoices} through the {@link Subscriber}, so the invoice carries the order's trace and
 * correlation headers.
 */
public class Billing {
  private final Clock clock;

  /** The instance the generated registration creates. */
  public Billing() {
    this(Clock.systemUTC());
  }

  /** With a clock, for tests ({@code router.provide(Billing.class, () -> new Billing(clock))}). */
  public Billing(Clock clock) {
    this.clock = clock;
  }

  /**
   * Publishes the invoice and waits for the broker, so that a failure is retried (at most 3 times)
   * and then dead-lettered instead of lost.
   */
  @Subscribe(pattern = "orders.*", group = "billing", maxAttempts = 3, onFailure = FailurePolicy.RETRY)
  public void onOrderPlaced(OrderPlaced order, Subscriber subscriber) {
    InvoiceIssued invoice =
        new InvoiceIssued(
            "inv-" + order.orderId().substring(2),
            order.orderId(),
            order.customer(),
            order.total(),
            clock.instant());
    subscriber.publish("invoices", invoice).join();
  }
}
