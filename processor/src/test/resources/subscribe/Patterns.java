package test;

import dev.tidings.Subscribe;

public class Patterns {
  @Subscribe(pattern = "orders/eu")
  void slash(Order order) {}

  @Subscribe(pattern = "orders.[abc")
  void unclosed(Order order) {}

  @Subscribe(pattern = " ")
  void blank(Order order) {}

  @Subscribe(pattern = "orders.[z-a]")
  void reversed(Order order) {}
}
