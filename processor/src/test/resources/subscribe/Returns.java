package test;

import dev.tidings.Subscribe;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public class Returns {
  record Bare(String id) {}

  @Subscribe(pattern = "orders", group = "text")
  String reply(Order order) {
    return order.id();
  }

  @Subscribe(pattern = "orders", group = "optionalText")
  Optional<String> optionalText(Order order) {
    return Optional.empty();
  }

  @Subscribe(pattern = "orders", group = "stageText")
  CompletionStage<String> stageText(Order order) {
    return null;
  }

  @Subscribe(pattern = "orders", group = "list")
  List<Order> list(Order order) {
    return List.of(order);
  }

  @Subscribe(pattern = "orders", group = "unannotated")
  Bare unannotated(Order order) {
    return new Bare(order.id());
  }

  @SuppressWarnings("rawtypes")
  @Subscribe(pattern = "orders", group = "rawStage")
  CompletionStage rawStage(Order order) {
    return null;
  }

  @Subscribe(pattern = "orders", group = "raw", replyTo = "receipts")
  Receipt raw(byte[] value) {
    return null;
  }

  @Subscribe(pattern = "orders", group = "batch", replyTo = "receipts")
  Receipt batch(List<Order> orders) {
    return null;
  }
}
