package test;

import dev.tidings.Subscribe;

public interface InterfaceHandler {
  @Subscribe(pattern = "orders")
  default void onOrder(Order order) {}
}
