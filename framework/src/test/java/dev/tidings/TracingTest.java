package dev.tidings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Fixtures.Foo;
import dev.tidings.internal.KafkaApplication;
import dev.tidings.internal.tracing.MessagingSpans;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OpenTelemetry spans of publishing and consuming, caught by the SDK's in-memory exporter: a chain is one trace, and
 * a batch, a retried record, a dead letter and its replay keep the trace of what was published; a request's round
 * trip is a CLIENT span over its publish, the serving handler and the reply.
 */
@ExtendWith(KafkaExtension.class)
class TracingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static OpenTelemetrySdk sdk;

  @BeforeAll
  static void registerSdk() {
    GlobalOpenTelemetry.resetForTest();
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
        .build();
    GlobalOpenTelemetry.set(sdk);
  }

  @AfterAll
  static void unregisterSdk() {
    GlobalOpenTelemetry.resetForTest();
    sdk.close();
  }

  @BeforeEach
  void forgetSpans() {
    SPANS.reset();
  }

  @Test
  void publishHandlerPublishHandlerIsOneTrace(TestKafka kafka) {
    Recorder<String> done = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("orders", "billing").on(Foo.class,
        (foo, ctx) -> ctx.subscriber().publish("invoices", new Foo("invoice-" + foo.bar())).join());
    router.subscribe("invoices", "shipping").on(Foo.class, (foo, ctx) -> done.add(foo.bar()));
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publish("orders", new Foo("o-1"), "k-1".getBytes(StandardCharsets.UTF_8)).join();
      app.start();
      done.awaitAtLeast(1, "invoice handled");
    }
    String orders = kafka.topic("orders");
    String invoices = kafka.topic("invoices");
    SpanData sendOrder = await("send " + orders);
    SpanData processOrder = await("process " + orders);
    SpanData sendInvoice = await("send " + invoices);
    SpanData processInvoice = await("process " + invoices);

    assertEquals(SpanKind.PRODUCER, sendOrder.getKind());
    assertEquals(SpanKind.CONSUMER, processOrder.getKind());
    assertTrue(!sendOrder.getParentSpanContext().isValid(), "the first publish starts the trace");
    assertEquals(sendOrder.getSpanId(), processOrder.getParentSpanId());
    assertEquals(processOrder.getSpanId(), sendInvoice.getParentSpanId());
    assertEquals(sendInvoice.getSpanId(), processInvoice.getParentSpanId());
    assertEquals(1, java.util.stream.Stream.of(sendOrder, processOrder, sendInvoice, processInvoice)
        .map(SpanData::getTraceId).distinct().count(), "one trace");

    assertEquals("kafka", attr(processOrder, MessagingSpans.SYSTEM));
    assertEquals(orders, attr(processOrder, MessagingSpans.DESTINATION));
    assertEquals("process", attr(processOrder, MessagingSpans.OPERATION_TYPE));
    assertEquals("billing", attr(processOrder, MessagingSpans.GROUP));
    assertEquals("k-1", attr(processOrder, MessagingSpans.MESSAGE_KEY));
    assertEquals(0L, processOrder.getAttributes().get(AttributeKey.longKey(MessagingSpans.OFFSET)));
    assertEquals("0", attr(processOrder, MessagingSpans.PARTITION));
    assertEquals("send", attr(sendOrder, MessagingSpans.OPERATION_TYPE));
    assertEquals(orders, attr(sendOrder, MessagingSpans.DESTINATION));
    assertEquals(0L, sendOrder.getAttributes().get(AttributeKey.longKey(MessagingSpans.OFFSET)));

    // the invoice on the wire carries the context of its producer span, once
    ConsumerRecord<byte[], byte[]> invoice = kafka.readAll(invoices, 1, WAIT).get(0);
    assertEquals(1, count(invoice, "traceparent"));
    assertEquals("00-" + sendInvoice.getTraceId() + "-" + sendInvoice.getSpanId() + "-"
        + sendInvoice.getSpanContext().getTraceFlags().asHex(),
        new String(invoice.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
  }

  @Test
  void aRetriedRecordKeepsItsTraceWithOneSpanPerAttempt(TestKafka kafka) {
    AtomicInteger calls = new AtomicInteger();
    Recorder<String> done = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("flaky", "flaky-group").maxAttempts(3).backoff(Duration.ofMillis(20), Duration.ofMillis(20))
        .on(Foo.class, (foo, ctx) -> {
          if (calls.incrementAndGet() < 3) {
            throw new IllegalStateException("not yet");
          }
          done.add(foo.bar());
        });
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publishAndWait("flaky", new Foo("f-1"));
      app.start();
      done.awaitAtLeast(1, "the third attempt");
    }
    SpanData send = await("send " + kafka.topic("flaky"));
    List<SpanData> attempts = awaitAll("process " + kafka.topic("flaky"), 3);
    for (int i = 0; i < 3; i++) {
      SpanData attempt = attempts.get(i);
      assertEquals(send.getTraceId(), attempt.getTraceId());
      assertEquals(send.getSpanId(), attempt.getParentSpanId());
      assertEquals(i + 1L, attempt.getAttributes().get(AttributeKey.longKey(MessagingSpans.ATTEMPT)));
    }
    assertEquals(StatusCode.ERROR, attempts.get(0).getStatus().getStatusCode());
    assertTrue(attempts.get(0).getEvents().stream().anyMatch(e -> e.getName().equals("exception")));
    assertTrue(attempts.get(1).getEvents().stream().anyMatch(e -> e.getName().equals(MessagingSpans.RETRY_EVENT)));
    assertEquals(StatusCode.UNSET, attempts.get(2).getStatus().getStatusCode());
  }

  @Test
  void aDeadLetterAndItsReplayKeepTheTrace(TestKafka kafka) {
    AtomicInteger calls = new AtomicInteger();
    Router router = Fixtures.router();
    router.subscribe("fragile", "fragile-group").maxAttempts(2).backoff(Duration.ofMillis(20), Duration.ofMillis(20))
        .on(Foo.class, (foo, ctx) -> {
          calls.incrementAndGet();
          throw new IllegalArgumentException("always");
        });
    String topic = kafka.topic("fragile");
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      app.publishAndWait("fragile", new Foo("d-1"));
      app.start();
      SpanData deadLetter = await("dead-letter " + topic + ".dlt");
      SpanData send = await("send " + topic);
      List<SpanData> attempts = awaitAll("process " + topic, 2);
      assertEquals(send.getTraceId(), deadLetter.getTraceId());
      assertEquals(attempts.get(1).getSpanId(), deadLetter.getParentSpanId(), "a child of the last attempt");
      assertEquals(SpanKind.PRODUCER, deadLetter.getKind());
      assertEquals("HANDLER_FAILED", attr(deadLetter, "tidings.dead_letter.reason"));
      assertTrue(attempts.get(1).getEvents().stream()
          .anyMatch(e -> e.getName().equals(MessagingSpans.DEAD_LETTER_EVENT)), attempts.get(1).toString());

      ReplayResult replay = app.replayDeadLetters("fragile.dlt", ReplayFilter.all(), WAIT);
      assertEquals(1, replay.replayed());
      SpanData replayed = await("replay " + topic);
      assertEquals(send.getTraceId(), replayed.getTraceId());
      assertEquals(deadLetter.getSpanId(), replayed.getParentSpanId());
      Wait.until(() -> spans("process " + topic).size() >= 3, WAIT, "the replayed record handled again");
      SpanData again = spans("process " + topic).get(2);
      assertEquals(send.getTraceId(), again.getTraceId());
      assertEquals(replayed.getSpanId(), again.getParentSpanId());
    }
  }

  @Test
  void aBatchSpanLinksEveryRecordsContext(TestKafka kafka) {
    Recorder<String> done = new Recorder<>();
    Router router = Fixtures.router();
    router.subscribe("bulk", "bulk-group").batchSize(10)
        .onBatch(Foo.class, (foos, contexts) -> foos.forEach(f -> done.add(f.bar())));
    try (Application app = Application.create(TestApps.options(kafka).build())) {
      app.mount(router);
      for (int i = 0; i < 3; i++) {
        app.publishAndWait("bulk", new Foo("b-" + i));
      }
      app.start();
      done.awaitAtLeast(3, "the batch handled");
    }
    String topic = kafka.topic("bulk");
    List<SpanData> sends = awaitAll("send " + topic, 3);
    assertEquals(3, sends.stream().map(SpanData::getTraceId).distinct().count(), "three publishes, three traces");
    Wait.until(() -> linked(spans("process " + topic)).size() == 3, WAIT, "batch spans linking the 3 records");
    List<SpanData> batches = spans("process " + topic);
    assertEquals(sends.stream().map(s -> s.getTraceId() + "-" + s.getSpanId()).collect(Collectors.toSet()),
        linked(batches));
    for (SpanData batch : batches) {
      assertEquals(SpanKind.CONSUMER, batch.getKind());
      assertEquals((long) batch.getLinks().size(),
          batch.getAttributes().get(AttributeKey.longKey(MessagingSpans.BATCH_COUNT)));
    }
  }

  @Test
  void requestHandlerReplyIsOneTraceUnderTheRequestSpan(TestKafka kafka) throws Exception {
    Router serving = RequestReplyTest.schemas();
    serving.subscribe("asks", "doubler").onRequest(RequestReplyTest.Ask.class, (ask, ctx) ->
        CompletableFuture.completedFuture(new RequestReplyTest.Answer(ask.id(), ask.n() * 2)));
    try (Application server = Application.create(TestApps.options(kafka).build()).mount(serving).start();
        Application client = Application.create(TestApps.options(kafka).build()).mount(RequestReplyTest.schemas())) {
      RequestReplyTest.Answer answer = client.request("asks", new RequestReplyTest.Ask("a-1", 21),
          "k-1".getBytes(StandardCharsets.UTF_8), RequestReplyTest.Answer.class, WAIT).get(60, TimeUnit.SECONDS);
      assertEquals(21 * 2, answer.doubled());
      String asks = kafka.topic("asks");
      String replies = kafka.topic(((KafkaApplication) client).replyStream());
      SpanData request = await("request " + asks);
      SpanData send = await("send " + asks);
      SpanData process = await("process " + asks);
      SpanData reply = await("send " + replies);

      assertEquals(SpanKind.CLIENT, request.getKind());
      assertFalse(request.getParentSpanContext().isValid(), "the request starts the trace");
      assertEquals(request.getSpanId(), send.getParentSpanId(), "the request's publish is a child of its span");
      assertEquals(send.getSpanId(), process.getParentSpanId());
      assertEquals(process.getSpanId(), reply.getParentSpanId(), "the reply is a child of the serving consumer span");
      assertEquals(1, java.util.stream.Stream.of(request, send, process, reply).map(SpanData::getTraceId)
          .distinct().count(), "one trace");
      assertTrue(request.getEndEpochNanos() >= reply.getStartEpochNanos(), "the request span ends with the reply");
      assertEquals(StatusCode.UNSET, request.getStatus().getStatusCode());

      String correlationId = attr(request, MessagingSpans.CONVERSATION_ID);
      assertTrue(correlationId != null && !correlationId.isEmpty(), request.toString());
      for (SpanData span : List.of(send, process, reply)) {
        assertEquals(correlationId, attr(span, MessagingSpans.CONVERSATION_ID), span.getName());
      }
      assertEquals("kafka", attr(request, MessagingSpans.SYSTEM));
      assertEquals(asks, attr(request, MessagingSpans.DESTINATION));
      assertEquals("request", attr(request, MessagingSpans.OPERATION_NAME));
      assertEquals("k-1", attr(request, MessagingSpans.MESSAGE_KEY));
      assertEquals(replies, attr(request, MessagingSpans.REPLY_TO));
    }
  }

  @Test
  void aRequestWithoutReplyAndOneAnsweredWithAFailureAreFailedRequestSpans(TestKafka kafka) throws Exception {
    Router serving = RequestReplyTest.schemas();
    serving.subscribe("refusals", "refuser").maxAttempts(1).onRequest(RequestReplyTest.Ask.class, (ask, ctx) -> {
      throw new IllegalArgumentException("no " + ask.id());
    });
    try (Application server = Application.create(TestApps.options(kafka).build()).mount(serving).start();
        Application client = Application.create(TestApps.options(kafka).build()).mount(RequestReplyTest.schemas())) {
      CompletableFuture<RequestReplyTest.Answer> unanswered = client.request("nobody.serves",
          new RequestReplyTest.Ask("t-1", 1), RequestReplyTest.Answer.class, Duration.ofMillis(500));
      ExecutionException timeout = assertThrows(ExecutionException.class, () -> unanswered.get(60, TimeUnit.SECONDS));
      assertInstanceOf(RequestTimeoutException.class, timeout.getCause());
      SpanData timedOut = await("request " + kafka.topic("nobody.serves"));
      assertEquals(StatusCode.ERROR, timedOut.getStatus().getStatusCode());
      assertEquals(RequestTimeoutException.class.getName(), attr(timedOut, "error.type"));
      assertEquals(timedOut.getSpanId(), await("send " + kafka.topic("nobody.serves")).getParentSpanId());

      CompletableFuture<RequestReplyTest.Answer> refused = client.request("refusals",
          new RequestReplyTest.Ask("f-1", 1), RequestReplyTest.Answer.class, WAIT);
      ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(60, TimeUnit.SECONDS));
      assertInstanceOf(RemoteFailureException.class, failure.getCause());
      SpanData failed = await("request " + kafka.topic("refusals"));
      assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
      assertEquals(RemoteFailureException.class.getName(), attr(failed, "error.type"));
      assertEquals("HANDLER_FAILED", attr(failed, MessagingSpans.FAILURE_CODE));
      SpanData process = await("process " + kafka.topic("refusals"));
      SpanData failureReply = await("send " + kafka.topic(((KafkaApplication) client).replyStream()));
      assertEquals(failed.getTraceId(), failureReply.getTraceId());
      assertEquals(process.getSpanId(), failureReply.getParentSpanId(), "the failure reply is a child of the attempt");
    }
  }

  /** trace id - span id of every link of these spans. */
  private static Set<String> linked(List<SpanData> batches) {
    return batches.stream().flatMap(b -> b.getLinks().stream()).map(LinkData::getSpanContext)
        .map(c -> c.getTraceId() + "-" + c.getSpanId()).collect(Collectors.toSet());
  }

  private static long count(ConsumerRecord<byte[], byte[]> record, String header) {
    return java.util.stream.StreamSupport.stream(record.headers().headers(header).spliterator(), false).count();
  }

  private static String attr(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  /** The finished spans of that name, oldest first. */
  private static List<SpanData> spans(String name) {
    return SPANS.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }

  private static SpanData await(String name) {
    return awaitAll(name, 1).get(0);
  }

  private static List<SpanData> awaitAll(String name, int n) {
    Wait.until(() -> spans(name).size() >= n, WAIT, n + " finished span(s) named '" + name + "', have "
        + SPANS.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    return spans(name);
  }
}
