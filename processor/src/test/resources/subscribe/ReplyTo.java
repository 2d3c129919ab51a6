package test;

import dev.tidings.Subscribe;

public class ReplyTo {
  @Subscribe(pattern = "orders", group = "voidReply", replyTo = "receipts")
  void voidReply(Order order) {}

  @Subscribe(pattern = "orders", group = "badStream", replyTo = "re ceipts")
  Receipt badStream(Order order) {
    return null;
  }

  @Subscribe(pattern = "orders", group = "noReplyTo")
  Receipt noReplyTo(Order order) {
    return null;
  }
}
