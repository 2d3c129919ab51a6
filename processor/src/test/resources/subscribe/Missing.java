package test;

import dev.tidings.Subscribe;

public class Missing {
  @Subscribe(pattern = "orders")
  void onOrder(NotThere order) {}
}
