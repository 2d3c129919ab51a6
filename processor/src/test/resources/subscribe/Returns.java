package test;

import dev.tidings.Subscribe;

public class Returns {
  @Subscribe(pattern = "orders")
  String reply(Order order) {
    return order.id();
  }
}
