package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Content;
import dev.tidings.Fixtures.Foo;
import dev.tidings.config.TidingsConfig;
import dev.tidings.internal.KafkaApplication;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.transport.MemoryTransport;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.transport.TransportConfig;
import dev.tidings.transport.internal.KafkaTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application publishes through its transport; validation happens before any transport. */
@ExtendWith(KafkaExtension.class)
class ApplicationTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void publishesThroughAGivenTransportAfterValidation(TestKafka kafka) throws Exception {
    MemoryTransport memory = new MemoryTransport();
    try (Application app = Application.create(TestApps.options(kafka).transport(memory).build())) {
      app.mount(Fixtures.router());
      PublishResult r = app.publish("orders", new Foo("a"), "k".getBytes(StandardCharsets.UTF_8),
          Map.of("traceparent", "00-abc-01")).join();
      assertEquals(new PublishResult("orders", -1, 0), r);
      assertThrows(SchemaValidationException.class, () -> app.publish("orders", new Content("", 0)));
      app.rawPublish("raw", "not json".getBytes(StandardCharsets.UTF_8)).join();
      assertThrows(DecodeException.class, () -> app.publishEnvelope("orders",
          "{\"schema\":\"Nope:1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8), null, Map.of()));
    }
    List<OutgoingMessage> sent = memory.sent();
    assertEquals(2, sent.size(), sent::toString);
    assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"a\"}}", memory.envelopes("orders").get(0));
    assertEquals("k", new String(sent.get(0).key(), StandardCharsets.UTF_8));
    assertEquals("traceparent", sent.get(0).headers().get(0).name());
    assertEquals("00-abc-01", sent.get(0).headers().get(0).text().orElseThrow());
    assertEquals("raw", sent.get(1).stream());
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(kafka.adminConfig())) {
      assertTrue(admin.listTopics().names().get().stream().noneMatch(t -> t.startsWith(kafka.topicPrefix())),
          "nothing reached Kafka");
    }
  }

  @Test
  void aFailingTransportFailsThePublishFutureNotTheCaller(TestKafka kafka) {
    MemoryTransport memory = new MemoryTransport();
    memory.failWith(m -> new PublishException("target down", true, null));
    try (Application app = Application.create(TestApps.options(kafka).transport(memory).build())) {
      app.mount(Fixtures.router());
      CompletionException e = assertThrows(CompletionException.class, () -> app.publish("orders", new Foo("a")).join());
      PublishException p = assertInstanceOf(PublishException.class, e.getCause());
      assertTrue(p.isRetriable());
      assertEquals("target down", p.getMessage());
    }
  }

  @Test
  void theConfigurationFileChoosesTheTransport(TestKafka kafka) {
    String name = kafka.topicPrefix() + "memory";
    TidingsConfig config = TidingsConfig.parse("transport:\n  type: MEMORY\n  name: " + name + "\n", "t.yaml");
    try (Application app = Application.create(TestApps.options(kafka).config(config).build())) {
      app.mount(Fixtures.router());
      app.publishAndWait("orders", new Foo("from-config"));
    }
    assertEquals(List.of("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"from-config\"}}"),
        MemoryTransport.named(name).envelopes("orders"));
  }

  @Test
  void theDefaultIsKafkaOnTheApplicationsOwnProducer(TestKafka kafka) {
    try (KafkaApplication app = new KafkaApplication(TestApps.options(kafka).build())) {
      assertInstanceOf(KafkaTransport.class, app.transport());
      app.mount(Fixtures.router());
      PublishResult r = app.publishAndWait("orders", new Foo("k"));
      assertEquals(kafka.topic("orders"), r.topic());
    }
    try (KafkaApplication app = new KafkaApplication(TestApps.options(kafka)
        .transport(TransportConfig.parse("type: kafka")).build())) {
      assertInstanceOf(KafkaTransport.class, app.transport());
      app.mount(Fixtures.router());
      app.publishAndWait("orders", new Foo("k2"));
    }
    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topic("orders"), 2, WAIT);
    assertEquals(2, records.size());
  }

  @Test
  void subscriberPublishUsesTheSameTransportAndKeepsHeaders(TestKafka kafka) throws Exception {
    MemoryTransport memory = new MemoryTransport();
    Router router = Fixtures.router();
    router.subscribe("in", "forwarder").on(Foo.class, (foo, ctx) ->
        ctx.subscriber().publish("out", new Foo(foo.bar() + "!")).join());
    try (Application producer = Application.create(TestApps.options(kafka).build());
        Application app = Application.create(TestApps.options(kafka).transport(memory).build())) {
      producer.mount(Fixtures.router());
      producer.publish("in", new Foo("x"), null, Map.of("traceparent", "00-t-01")).join();
      app.mount(router).start();
      List<OutgoingMessage> out = memory.await(1, WAIT);
      assertEquals("out", out.get(0).stream());
      assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"x!\"}}",
          new String(out.get(0).envelope(), StandardCharsets.UTF_8));
      assertTrue(out.get(0).headers().stream().anyMatch(h -> h.name().equals("traceparent")
          && h.text().orElse("").equals("00-t-01")), out.get(0).headers()::toString);
    }
  }
}
