package test;

import dev.tidings.Subscribe;

public class Delivery {
  @Subscribe(pattern = "orders", group = "negative", backoffMillis = -5)
  void negative(Order order) {}

  @Subscribe(pattern = "orders", group = "inverted", backoffMillis = 500, maxBackoffMillis = 100)
  void inverted(Order order) {}

  @Subscribe(pattern = "orders", group = "inflight", maxInFlight = -1)
  void inflight(Order order) {}

  @Subscribe(pattern = "orders", group = "own", deadLetterStream = "orders")
  void own(Order order) {}

  @Subscribe(pattern = "orders", group = "named", deadLetterStream = "bad name")
  void named(Order order) {}
}
