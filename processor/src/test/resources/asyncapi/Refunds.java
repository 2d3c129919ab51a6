package refunds;

import dev.tidings.Subscribe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import shop.Order;

/** Handles a record compiled elsewhere (shop.Order, from the class path), and answers requests. */
public class Refunds {
  @Subscribe(pattern = "refund.requests", group = "refunds", replyTo = "refund.results", mode = dev.tidings.SubscriptionMode.SHARE)
  public CompletionStage<Order> onRefund(Order order) {
    return CompletableFuture.completedFuture(order);
  }
}
