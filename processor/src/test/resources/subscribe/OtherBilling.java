package test;

import dev.tidings.Subscribe;

public class OtherBilling {
  @Subscribe(pattern = "orders", group = "billing")
  void again(Order order) {}
}
