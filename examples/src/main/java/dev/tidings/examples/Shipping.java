package dev.tidings.examples;

import dev.tidings.MessageContext;
import dev.tidings.Subscribe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows every order through the warehouse. Both methods share one subscription (same pattern and
 * group), with one handler per schema: {@code OrderPlaced} and {@code OrderShipped} messages of the
 * {@code orders.*} streams reach the matching method.
 */
public class Shipping {
  /** Where an order is. */
  public enum Status {
    WAITING,
    SHIPPED
  }

  private final Map<String, Status> status = new ConcurrentHashMap<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Subscribe(pattern = "orders.*", group = "shipping")
  public void onPlaced(OrderPlaced order, MessageContext context) {
    status.putIfAbsent(order.orderId(), Status.WAITING);
    log.add(context.stream() + ": placed " + order.orderId());
  }

  @Subscribe(pattern = "orders.*", group = "shipping")
  public void onShipped(OrderShipped shipped, MessageContext context) {
    status.put(shipped.orderId(), Status.SHIPPED);
    log.add(context.stream() + ": shipped " + shipped.orderId() + " with " + shipped.carrier());
  }

  /** Where the order is, or {@code null} when unknown. */
  public Status status(String orderId) {
    return status.get(orderId);
  }

  /** What was handled, in order: {@code "orders.eu: placed o-1"}. */
  public List<String> log() {
    return List.copyOf(log);
  }
}
