package test;

import dev.tidings.Subscribe;

public abstract class AbstractHandler {
  @Subscribe(pattern = "orders")
  abstract void onOrder(Order order);
}
