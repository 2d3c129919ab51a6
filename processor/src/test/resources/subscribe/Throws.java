package test;

import dev.tidings.Subscribe;

public class Throws {
  @Subscribe(pattern = "orders")
  void anything(Order order) throws Throwable {}

  @Subscribe(pattern = "orders", group = "checked")
  void checked(Order order) throws java.io.IOException, InterruptedException {}
}
