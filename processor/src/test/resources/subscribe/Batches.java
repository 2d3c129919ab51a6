package test;

import dev.tidings.MessageContext;
import dev.tidings.Subscribe;
import dev.tidings.Subscriber;
import java.util.List;

public class Batches {
  @Subscribe(pattern = "orders", group = "batch", batchSize = 50)
  void many(List<Order> orders, List<MessageContext> contexts) {}

  @Subscribe(pattern = "orders", group = "batch")
  void one(Order order) {}

  @Subscribe(pattern = "orders", group = "publishing")
  void publishing(List<Order> orders, Subscriber subscriber) {}

  @Subscribe(pattern = "orders", group = "contexts")
  void contexts(Order order, List<MessageContext> contexts) {}

  @Subscribe(pattern = "orders", group = "plain")
  void plain(List<Plain> plain) {}
}
