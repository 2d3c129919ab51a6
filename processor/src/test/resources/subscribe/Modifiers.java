package test;

import dev.tidings.Subscribe;

public class Modifiers {
  @Subscribe(pattern = "orders")
  private void hidden(Order order) {}

  @Subscribe(pattern = "orders", group = "shared")
  static void shared(Order order) {}

  @Subscribe(pattern = "orders", group = "fine")
  void fine(Order order) {}
}
