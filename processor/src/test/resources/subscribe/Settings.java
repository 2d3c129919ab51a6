package test;

import dev.tidings.Subscribe;

public class Settings {
  @Subscribe(pattern = "orders", maxAttempts = -1)
  void attempts(Order order) {}

  @Subscribe(pattern = "orders", concurrency = -2, group = "threads")
  void threads(Order order) {}

  @Subscribe(pattern = "orders", batchSize = 10, group = "single")
  void single(Order order) {}
}
