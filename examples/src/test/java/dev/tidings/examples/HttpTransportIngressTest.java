package dev.tidings.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.PublishException;
import dev.tidings.PublishResult;
import dev.tidings.Router;
import dev.tidings.ingress.Authenticator;
import dev.tidings.ingress.Ingress;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.Transport;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.Transports;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The http transport against the real ingress, which publishes to the test broker. */
@KafkaTest
class HttpTransportIngressTest {
  private static OrderPlaced order(int i) {
    return new OrderPlaced("o-" + i, "ada", List.of(new OrderPlaced.Line("book", 1, new BigDecimal("8.75"))),
        Instant.parse("2026-12-04T10:00:00Z"), Optional.empty());
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static ApplicationOptions overHttp(int port, String extra) {
    return ApplicationOptions.builder()
        .transport(TransportConfig.parse("type: http\nurl: http://127.0.0.1:" + port + "\n" + extra)).build();
  }

  @Test
  void publishesWithoutKafkaThroughTheIngress(TestKafka kafka) throws Exception {
    try (Application server = Application.create(Apps.options(kafka));
        Ingress ingress = Ingress.builder(server.mount(Router.discover())).auth(Authenticator.none()).start();
        Application app = Application.create(overHttp(ingress.port(), ""))) {
      app.mount(Router.discover());
      PublishResult r = app.publish("orders.eu", order(1), "customer-1".getBytes(StandardCharsets.UTF_8),
          Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
              "tidings.request-id", "req-1", "tidings.message-id", "m-1")).get();
      assertEquals(kafka.topic("orders.eu"), r.topic());
      ConsumerRecord<byte[], byte[]> stored = kafka.readAll(kafka.topic("orders.eu"), 1, Apps.WAIT).get(0);
      assertEquals(stored.partition(), r.partition());
      assertEquals(stored.offset(), r.offset());
      assertEquals("{\"schema\":\"OrderPlaced:1\",\"data\":{\"orderId\":\"o-1\",\"customer\":\"ada\",\"lines\":"
          + "[{\"sku\":\"book\",\"quantity\":1,\"unitPrice\":8.75}],\"placedAt\":\"2026-12-04T10:00:00Z\","
          + "\"note\":null}}", new String(stored.value(), StandardCharsets.UTF_8));
      assertEquals("customer-1", new String(stored.key(), StandardCharsets.UTF_8));
      assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", header(stored, "traceparent"));
      assertEquals("req-1", header(stored, "tidings.request-id"));
      assertEquals("m-1", header(stored, "tidings.message-id"));
    }
  }

  @Test
  void batchesAndGzipThroughTheIngress(TestKafka kafka) throws Exception {
    try (Application server = Application.create(Apps.options(kafka));
        Ingress ingress = Ingress.builder(server.mount(Router.discover())).auth(Authenticator.none()).start();
        Application app = Application.create(overHttp(ingress.port(),
            "compression: gzip\nbatch: {size: 10, linger: 20ms}\n"))) {
      app.mount(Router.discover());
      List<CompletableFuture<PublishResult>> sends = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        sends.add(app.publish("orders.us", order(i), "k".getBytes(StandardCharsets.UTF_8)));
      }
      app.flush();
      List<ConsumerRecord<byte[], byte[]>> stored = kafka.readAll(kafka.topic("orders.us"), 25, Apps.WAIT);
      assertEquals(25, stored.size());
      // concurrent requests (batches) may be stored in any order; each answer says where its message is
      Map<Long, String> byOffset = new java.util.HashMap<>();
      stored.forEach(rec -> byOffset.put(rec.offset(), new String(rec.value(), StandardCharsets.UTF_8)));
      for (int i = 0; i < 25; i++) {
        PublishResult r = sends.get(i).get();
        assertEquals("orders.us", r.topic(), "batch answers name no topic: the stream stands for it");
        assertTrue(byOffset.get(r.offset()).contains("\"orderId\":\"o-" + i + "\""), "entry " + i + " at " + r);
      }
    }
  }

  @Test
  void theIngressRefusalIsFinalAndNamesItsMessage(TestKafka kafka) throws Exception {
    try (Application server = Application.create(Apps.options(kafka));
        Ingress ingress = Ingress.builder(server.mount(Router.discover())).auth(Authenticator.none()).start();
        Transport http = Transports.create(TransportConfig.parse("type: http\nurl: http://127.0.0.1:" + ingress.port()))) {
      byte[] invalid = "{\"schema\":\"OrderPlaced:1\",\"data\":{\"orderId\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> http.send(OutgoingMessage.of("orders.eu", invalid)).toCompletableFuture().get());
      PublishException p = assertInstanceOf(PublishException.class, e.getCause());
      assertFalse(p.isRetriable(), p::getMessage);
      assertTrue(p.getMessage().contains("refused the message: HTTP 4"), p.getMessage());
      assertTrue(p.getMessage().contains("/data"), p.getMessage());
    }
  }
}
