package test;

import dev.tidings.Subscribe;

public class DeliveryOk {
  @Subscribe(pattern = "orders.*", group = "careful", backoffMillis = 500, noRetryFor = {
      IllegalArgumentException.class, java.io.UncheckedIOException.class}, maxInFlight = 50,
      deadLetterStream = "orders.failed")
  void careful(Order order) {}

  @Subscribe(pattern = "orders.*", group = "capped", maxBackoffMillis = 100)
  void capped(Order order) {}
}
