package test;

import dev.tidings.Subscribe;

public class NeedsFactory {
  private final String name;

  public NeedsFactory(String name) {
    this.name = name;
  }

  @Subscribe(pattern = "orders")
  void onOrder(Order order) {
    System.out.println(name + order);
  }
}
