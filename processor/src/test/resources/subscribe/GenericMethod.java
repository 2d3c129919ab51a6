package test;

import dev.tidings.Subscribe;

public class GenericMethod {
  @Subscribe(pattern = "orders")
  <T> void any(Order order) {}
}
