package test;

import dev.tidings.Subscribe;
import dev.tidings.SubscriptionMode;

public class Queue {
  @Subscribe(pattern = "orders.*", group = "workers", mode = SubscriptionMode.SHARE, concurrency = 8, maxAttempts = 3)
  void work(Order order) {}
}
