package test;

import dev.tidings.MessageContext;
import dev.tidings.Subscribe;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class Replies {
  @Subscribe(pattern = "orders", group = "record", replyTo = "receipts")
  Receipt record(Order order) {
    return new Receipt(order.id());
  }

  @Subscribe(pattern = "orders", group = "optional", replyTo = "receipts")
  Optional<Receipt> optional(Order order, MessageContext context) {
    return Optional.of(new Receipt(context.stream()));
  }

  @Subscribe(pattern = "orders", group = "stage", replyTo = "receipts")
  CompletionStage<Receipt> stage(Order order) {
    return CompletableFuture.completedFuture(new Receipt(order.id()));
  }

  @Subscribe(pattern = "orders", group = "future", replyTo = "receipts")
  CompletableFuture<? extends Receipt> future(Order order) {
    return CompletableFuture.completedFuture(new Receipt(order.id()));
  }
}
