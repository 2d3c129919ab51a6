package dev.tidings.examples;

import dev.tidings.MessageContext;
import dev.tidings.Subscribe;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Books the invoices that {@link Billing} issues, per customer. */
public class Ledger {
  private final Map<String, BigDecimal> owed = new ConcurrentHashMap<>();
  private final Map<String, String> correlation = new ConcurrentHashMap<>();

  @Subscribe(pattern = "invoices", group = "ledger")
  public void onInvoice(InvoiceIssued invoice, MessageContext context) {
    // The trace first: whoever sees the amount booked can then rely on the trace being recorded.
    context.header("traceparent").ifPresent(t -> correlation.put(invoice.orderId(), t));
    owed.merge(invoice.customer(), invoice.total(), BigDecimal::add);
  }

  /** What the customer owes. */
  public BigDecimal owed(String customer) {
    return owed.getOrDefault(customer, BigDecimal.ZERO);
  }

  /** The {@code traceparent} header the invoice of an order carried, if any. */
  public Optional<String> traceOf(String orderId) {
    return Optional.ofNullable(correlation.get(orderId));
  }
}
