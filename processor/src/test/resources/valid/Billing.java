package shop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.FailurePolicy;
import dev.tidings.MessageContext;
import dev.tidings.Ordering;
import dev.tidings.Subscribe;
import dev.tidings.Subscriber;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Bills orders. */
public class Billing {
  @Subscribe(pattern = "orders.*", group = "billing", onFailure = FailurePolicy.DEAD_LETTER, maxAttempts = 3)
  public void onOrder(Order order, Subscriber subscriber) throws Exception {}

  @Subscribe(pattern = "orders.*", group = "billing")
  void onRaw(byte[] value, MessageContext context) {}

  @Subscribe(pattern = "refunds", concurrency = 2)
  public void onRefund(Order order) {}

  @Subscribe(pattern = "audit.*", group = "audit", ordering = Ordering.KEY, concurrency = 4, timeoutMillis = 30000)
  public void onAudit(JsonNode envelope, Application application) {}

  @Subscribe(pattern = "orders.*", group = "warehouse", batchSize = 50)
  public void onOrders(List<Order> orders, List<MessageContext> contexts) {}

  @Subscribe(pattern = "raw", group = "records", onFailure = FailurePolicy.SKIP)
  public void onRecord(ConsumerRecord<byte[], byte[]> record) {}
}
