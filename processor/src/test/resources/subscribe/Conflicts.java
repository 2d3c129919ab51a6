package test;

import dev.tidings.FailurePolicy;
import dev.tidings.Subscribe;

public class Conflicts {
  @Subscribe(pattern = "orders", group = "billing", onFailure = FailurePolicy.SKIP)
  void first(Order order) {}

  @Subscribe(pattern = "orders", group = "billing")
  void second(Order order) {}

  @Subscribe(pattern = "refunds", group = "billing")
  void elsewhere(byte[] raw) {}

  @Subscribe(pattern = "orders", group = "billing", onFailure = FailurePolicy.STOP)
  void strict(byte[] raw) {}
}
