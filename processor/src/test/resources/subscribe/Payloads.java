package test;

import dev.tidings.MessageContext;
import dev.tidings.Subscribe;
import dev.tidings.Subscriber;
import org.apache.kafka.clients.consumer.ConsumerRecord;

public class Payloads {
  @Subscribe(pattern = "a")
  void nothing(Subscriber subscriber, MessageContext context) {}

  @Subscribe(pattern = "b")
  void twice(Order first, byte[] second) {}

  @Subscribe(pattern = "c")
  void text(String text) {}

  @Subscribe(pattern = "d")
  void plain(Plain plain) {}

  @Subscribe(pattern = "e")
  void extra(Order order, int count) {}

  @Subscribe(pattern = "f")
  void strings(ConsumerRecord<String, String> record) {}
}
