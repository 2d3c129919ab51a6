package test;

import dev.tidings.Ordering;
import dev.tidings.Subscribe;
import dev.tidings.SubscriptionMode;
import java.util.List;

public class Modes {
  @Subscribe(pattern = "orders", group = "keyed", mode = SubscriptionMode.SHARE, ordering = Ordering.KEY)
  void keyed(Order order) {}

  @Subscribe(pattern = "orders", group = "batched", mode = SubscriptionMode.SHARE)
  void batched(List<Order> orders) {}

  @Subscribe(pattern = "orders", group = "mixed", mode = SubscriptionMode.SHARE)
  void queued(Order order) {}

  @Subscribe(pattern = "orders", group = "mixed", mode = SubscriptionMode.CLASSIC)
  void raw(byte[] value) {}
}
