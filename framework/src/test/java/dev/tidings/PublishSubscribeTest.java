package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Content;
import dev.tidings.Fixtures.Foo;
import dev.tidings.Fixtures.Other;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Acceptance of the foundation: publish and subscribe against a real broker. */
@ExtendWith(KafkaExtension.class)
class PublishSubscribeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void globCrossesDotsAndPlainNamesMatchExactly(TestKafka kafka) throws Exception {
    Recorder<String> content = new Recorder<>();
    Recorder<String> exact = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("content.*", "content-group").on(Foo.class, (foo, ctx) -> content.add(ctx.stream() + "=" + foo.bar()));
    router.subscribe("foo.bar", "exact-group").on(Foo.class, (foo, ctx) -> exact.add(ctx.stream() + "=" + foo.bar()));
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publishAndWait("content.edited.Resource", new Foo("a"));
      app.publishAndWait("foo.bar1", new Foo("wrong"));
      app.publishAndWait("foo.bar", new Foo("right"));
      app.start();
      assertEquals(List.of("content.edited.Resource=a"), content.awaitAtLeast(1, "content messages"));
      assertEquals(List.of("foo.bar=right"), exact.awaitAtLeast(1, "foo.bar messages"));
      // A new topic matching the pattern after start is picked up on the next metadata refresh.
      app.publishAndWait("content.created.Other", new Foo("b"));
      content.awaitAtLeast(2, "content messages from a topic created after start");
      app.publishAndWait("foo.bar1", new Foo("wrong2"));
      app.publishAndWait("foo.bar", new Foo("right2"));
      exact.awaitAtLeast(2, "foo.bar messages");
      assertTrue(exact.items().stream().noneMatch(s -> s.contains("wrong")), exact.items().toString());
    }
  }

  @Test
  void exactBytesOnTheTopic(TestKafka kafka) {
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(Fixtures.router());
      PublishResult result = app.publishAndWait("foos", new Foo("foo"));
      assertEquals(kafka.topicPrefix() + "foos", result.topic());
      List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(result.topic(), 1, WAIT);
      assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"foo\"}}",
          new String(records.get(0).value(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void invalidRecordThrowsAndSendsNothing(TestKafka kafka) {
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(Fixtures.router());
      app.publishAndWait("contents", new Content("ok", 1));
      SchemaValidationException e = assertThrows(SchemaValidationException.class,
          () -> app.publish("contents", new Content("", 0)));
      assertEquals("schema validation failed for stream 'contents' at /size: must have a minimum value of 1"
          + " [minimum]; at /text: must be at least 1 characters long [minLength] (schema Content:1)", e.getMessage());
      app.publishAndWait("contents", new Content("after", 2));
      List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topicPrefix() + "contents", 2, WAIT);
      assertEquals(2, records.size());
      assertTrue(records.stream().noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"size\":0")));
    }
  }

  @Test
  void newGroupReadsWhatWasPublishedBefore(TestKafka kafka) {
    try (Application publisher = Application.create(TestApps.options(kafka).build())) {
      publisher.mount(Fixtures.router());
      for (int i = 0; i < 5; i++) {
        publisher.publishAndWait("history", new Foo("m" + i));
      }
    }
    Recorder<String> seen = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("history", "late-group").on(Foo.class, (foo, ctx) -> seen.add(foo.bar()));
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      assertEquals(List.of("m0", "m1", "m2", "m3", "m4"), seen.awaitAtLeast(5, "earlier messages"));
    }
  }

  @Test
  void poisonIsSkippedCountedAndDeadLetteredWhileValidMessagesFlow(TestKafka kafka) {
    Recorder<String> handled = new Recorder<>();
    CountingTelemetry telemetry = new CountingTelemetry();
    Router router = Fixtures.router();
    router.subscribe("mixed", "mixed-group")
        .on(Content.class, (c, ctx) -> handled.add(c.text()));
    try (Application app = Application.create(TestApps.options(kafka).telemetry(telemetry).build())) {
      app.mount(router);
      byte[][] poison = {
        "not json".getBytes(StandardCharsets.UTF_8),
        "{\"no\":\"envelope\"}".getBytes(StandardCharsets.UTF_8),
        "{\"schema\":\"Nope:9\",\"data\":{}}".getBytes(StandardCharsets.UTF_8),
        "{\"schema\":\"Content:1\",\"data\":{\"text\":\"x\",\"size\":-1}}".getBytes(StandardCharsets.UTF_8),
        "{\"schema\":\"Other:1\",\"data\":{\"name\":\"no handler here\"}}".getBytes(StandardCharsets.UTF_8),
      };
      for (int i = 0; i < poison.length; i++) {
        app.publishAndWait("mixed", new Content("valid" + i, 1));
        app.rawPublish("mixed", poison[i]).join();
      }
      app.publishAndWait("mixed", new Content("last", 1));
      app.start();
      assertEquals(List.of("valid0", "valid1", "valid2", "valid3", "valid4", "last"),
          handled.awaitAtLeast(6, "valid messages"));
      Wait.until(() -> telemetry.count(Telemetry.Outcome.DEAD_LETTERED) == 4, WAIT, "4 dead letters counted");
      assertEquals(Map.of("NOT_JSON", 1L, "NOT_ENVELOPE", 1L, "UNKNOWN_SCHEMA", 1L, "INVALID_DATA", 1L),
          telemetry.reasons(Telemetry.Outcome.DEAD_LETTERED));
      // A registered schema without a handler in this subscription is not poison: it is skipped.
      assertEquals(Map.of("NO_HANDLER", 1L), telemetry.reasons(Telemetry.Outcome.SKIPPED));
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(kafka.topicPrefix() + "mixed.dlt", 4, WAIT);
      assertEquals("not json", new String(dead.get(0).value(), StandardCharsets.UTF_8));
      assertEquals("NOT_JSON", header(dead.get(0), "tidings.dlt.reason"));
      assertEquals(kafka.topicPrefix() + "mixed", header(dead.get(0), "tidings.dlt.topic"));
      assertEquals("1", header(dead.get(0), "tidings.dlt.offset"));
      assertEquals("mixed-group", header(dead.get(0), "tidings.dlt.group"));
      assertTrue(app.health().ready(), app.health().toString());
    }
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void subscriberPublishCarriesTheConsumedHeaders(TestKafka kafka) {
    Router router = Fixtures.router();
    router.subscribe("in", "forwarder").on(Foo.class, (foo, ctx) ->
        ctx.subscriber().publish("out", new Other(foo.bar()), null, Map.of("hop", "2")).join());
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router).start();
      app.publish("in", new Foo("x"), null,
          Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "hop", "1")).join();
      ConsumerRecord<byte[], byte[]> out = kafka.readAll(kafka.topicPrefix() + "out", 1, WAIT).get(0);
      assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", header(out, "traceparent"));
      assertEquals("2", header(out, "hop"));
      assertEquals(1, count(out, "hop"));
      assertEquals("{\"schema\":\"Other:1\",\"data\":{\"name\":\"x\"}}", new String(out.value(), StandardCharsets.UTF_8));
    }
  }

  private static int count(ConsumerRecord<byte[], byte[]> record, String name) {
    int n = 0;
    for (Header h : record.headers().headers(name)) {
      n++;
    }
    return n;
  }

  @Test
  void createdTopicHasConfiguredPartitionsAndSchemaRetention(TestKafka kafka) throws Exception {
    try (Application app = Application.create(TestApps.options(kafka).partitions(3).build())) {
      app.mount(Fixtures.router());
      app.publishAndWait("retained", new Content("x", 1));
      String topic = kafka.topicPrefix() + "retained";
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertEquals(3, d.partitions().size());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry retention = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms");
        assertEquals(Long.toString(Duration.ofHours(2).toMillis()), retention.value());
      }
    }
  }

  @Test
  void userClientSettingsReachTheClients(TestKafka kafka) throws Exception {
    Recorder<Integer> batchSizes = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("settings", "settings-group").onAny(ctx -> batchSizes.add(1));
    ApplicationOptions options = TestApps.options(kafka)
        .producerSetting("client.id", "tidings-test-producer")
        .consumerSetting("client.id", "tidings-test-consumer")
        .consumerSetting("max.poll.records", 1)
        .build();
    try (Application app = Application.create(options)) {
      app.mount(router);
      app.publishAndWait("settings", new Foo("x"));
      app.start();
      batchSizes.awaitAtLeast(1, "a message");
      java.lang.management.ManagementFactory.getPlatformMBeanServer();
      javax.management.MBeanServer mbeans = java.lang.management.ManagementFactory.getPlatformMBeanServer();
      assertTrue(mbeans.isRegistered(new javax.management.ObjectName(
          "kafka.producer:type=producer-metrics,client-id=tidings-test-producer")), "producer client.id");
      assertTrue(mbeans.isRegistered(new javax.management.ObjectName(
          "kafka.consumer:type=consumer-metrics,client-id=tidings-test-consumer")), "consumer client.id");
    }
  }

  @Test
  void publishEnvelopeValidatesForeignJson(TestKafka kafka) {
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(Fixtures.router());
      byte[] good = "{ \"schema\": \"Foo:1\", \"data\": { \"bar\": \"y\" } }".getBytes(StandardCharsets.UTF_8);
      PublishResult r = app.publishEnvelope("env", good, null, Map.of()).join();
      ConsumerRecord<byte[], byte[]> stored = kafka.readAll(r.topic(), 1, WAIT).get(0);
      assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"y\"}}", new String(stored.value(), StandardCharsets.UTF_8));
      assertEquals(stored.timestamp(), r.timestamp(), "the result carries the stored record's timestamp");
      byte[] bad = "{\"schema\":\"Foo:1\",\"data\":{\"bar\":1}}".getBytes(StandardCharsets.UTF_8);
      SchemaValidationException e = assertThrows(SchemaValidationException.class,
          () -> app.publishEnvelope("env", bad, null, Map.of()));
      assertTrue(e.getMessage().contains("at /bar: integer found, string expected [type]"), e.getMessage());
      DecodeException d = assertThrows(DecodeException.class,
          () -> app.publishEnvelope("env", "{\"schema\":\"X:1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8), null, Map.of()));
      assertEquals(DecodeException.Reason.UNKNOWN_SCHEMA, d.reason());
    }
  }

  @Test
  void unreachableBrokerFailsThePublishFutureInBoundedTime() {
    ApplicationOptions options = ApplicationOptions.builder().kafkaServers("127.0.0.1:1")
        .adminSetting("default.api.timeout.ms", 1500).adminSetting("request.timeout.ms", 1000)
        .build();
    try (Application app = Application.create(options)) {
      app.mount(Fixtures.router());
      CompletionException e = assertThrows(CompletionException.class, () -> app.publish("x", new Foo("y")).join());
      assertTrue(e.getCause() instanceof PublishException, e.toString());
    }
  }

  @Test
  void closingWhileTheTopicIsStillUnknownFailsEveryPendingPublish() {
    ApplicationOptions options = ApplicationOptions.builder().kafkaServers("127.0.0.1:1")
        .adminSetting("default.api.timeout.ms", 60_000).adminSetting("request.timeout.ms", 30_000)
        .shutdownTimeout(Duration.ofSeconds(1)) // close waits this long for pending publishes
        .build();
    List<CompletableFuture<PublishResult>> pending = new ArrayList<>();
    try (Application app = Application.create(options)) {
      app.mount(Fixtures.router());
      for (int i = 0; i < 5; i++) {
        pending.add(app.publish("x", new Foo("y" + i)));
      }
      assertTrue(pending.stream().noneMatch(CompletableFuture::isDone), "nothing answers at 127.0.0.1:1");
    }
    for (CompletableFuture<PublishResult> f : pending) {
      CompletionException e = assertThrows(CompletionException.class, f::join);
      assertTrue(e.getCause() instanceof PublishException, e.toString());
      assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
    }
  }
}
