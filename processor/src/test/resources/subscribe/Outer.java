package test;

import dev.tidings.Subscribe;

public class Outer {
  public class Inner {
    @Subscribe(pattern = "orders")
    void onOrder(Order order) {}
  }

  private static class Locked {
    @Subscribe(pattern = "orders", group = "locked")
    void onOrder(Order order) {}
  }
}
