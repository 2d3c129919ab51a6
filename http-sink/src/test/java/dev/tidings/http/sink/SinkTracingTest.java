package dev.tidings.http.sink;

import static dev.tidings.http.sink.Exchanges.app;
import static dev.tidings.http.sink.Exchanges.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.http.sink.TestServer.Reply;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink's HTTP calls as OpenTelemetry CLIENT spans, over real HTTP and the test broker, caught by the SDK's
 * in-memory exporter: publish → the sink's consumer span → one client span per request sent, one trace, and the
 * receiving server gets each client span's {@code traceparent}.
 */
@KafkaTest
class SinkTracingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static OpenTelemetrySdk sdk;
  private TestServer server;

  /** A test schema of the forward sink, registered by hand. */
  record Order(String tenant, int n) {}

  private static final String ORDER_SCHEMA = "{\"type\":\"object\",\"required\":[\"tenant\",\"n\"],"
      + "\"properties\":{\"tenant\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"}}}";

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
  void start() throws Exception {
    SPANS.reset();
    server = new TestServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void eachAttemptIsAClientSpanOfTheConsumerSpanAndTheServerGetsItsTraceparent(TestKafka kafka) {
    server.script("/pay", Reply.of(503, "busy"), Reply.of(201, "paid"));
    HttpSink sink = HttpSink.builder().name("payments").requests("req").allow("127.0.0.1:" + server.port())
        .backoff(Duration.ofMillis(50), Duration.ofMillis(100), 2.0, 3).build();
    JsonNode exchange;
    try (Application app = app(kafka)) {
      app.mount(sink.router()).start();
      app.publish("req", HttpRequest.of("POST", server.url("/pay?sig=secret&n=1")).withBody("{\"id\":1}"),
          "k-1".getBytes(StandardCharsets.UTF_8)).join();
      exchange = read(kafka, "req.success", 1).get(0);
    }
    assertEquals(2, exchange.path("attempts").asInt(), exchange.toString());

    SpanData send = await("send " + kafka.topic("req"), 1).get(0);
    SpanData process = await("process " + kafka.topic("req"), 1).get(0);
    List<SpanData> calls = await("POST", 2);
    SpanData first = calls.get(0);
    SpanData second = calls.get(1);
    assertEquals(send.getSpanId(), process.getParentSpanId());
    assertEquals(1, Stream.of(send, process, first, second).map(SpanData::getTraceId).distinct().count(), "one trace");
    for (SpanData call : calls) {
      assertEquals(SpanKind.CLIENT, call.getKind());
      assertEquals(process.getSpanId(), call.getParentSpanId(), "a child of the sink's consumer span");
      assertEquals("POST", attr(call, "http.request.method"));
      assertEquals(server.url("/pay?sig=REDACTED&n=1"), attr(call, "url.full"), "the signature is redacted");
      assertEquals("127.0.0.1", attr(call, "server.address"));
      assertEquals((long) server.port(), number(call, "server.port"));
      assertEquals("payments", attr(call, "tidings.http_sink.name"));
    }
    assertEquals(503L, number(first, "http.response.status_code"));
    assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
    assertEquals("503", attr(first, "error.type"));
    assertNull(number(first, "http.request.resend_count"), "the first request is no resend");
    assertEquals(201L, number(second, "http.response.status_code"));
    assertEquals(StatusCode.UNSET, second.getStatus().getStatusCode());
    assertNull(attr(second, "error.type"));
    assertEquals(1L, number(second, "http.request.resend_count"));
    assertEquals(2L, number(second, "tidings.attempt"));

    // the server received each client span's context, not the record's
    List<TestServer.Received> received = server.received("/pay");
    assertEquals(2, received.size());
    assertEquals(traceparent(first), received.get(0).header("traceparent"));
    assertEquals(traceparent(second), received.get(1).header("traceparent"));
    assertEquals(traceparent(second), exchange.path("request").path("headers").path("traceparent").path(0).asText(),
        "the exchange records the request as the last attempt sent it: " + exchange);

    // the exchange's publish is a child of the consumer span too
    SpanData result = await("send " + kafka.topic("req.success"), 1).get(0);
    assertEquals(process.getSpanId(), result.getParentSpanId());
  }

  @Test
  void aForwardSinkNamesItsSpansWithThePathTemplate(TestKafka kafka) {
    HttpSink sink = HttpSink.builder().name("hooks").forward("orders", server.url("/hooks/{/data/tenant}")).build();
    try (Application app = app(kafka)) {
      app.mount(new Router().schema(SchemaDefinition.of(Order.class, "Order", 1, ORDER_SCHEMA)))
          .mount(sink.router()).start();
      app.publish("orders", new Order("acme", 1)).join();
      read(kafka, "orders.success", 1);
    }
    SpanData call = await("POST /hooks/{/data/tenant}", 1).get(0);
    SpanData process = await("process " + kafka.topic("orders"), 1).get(0);
    assertEquals(process.getSpanId(), call.getParentSpanId());
    assertEquals("/hooks/{/data/tenant}", attr(call, "url.template"));
    assertEquals(server.url("/hooks/acme"), attr(call, "url.full"));
    assertEquals(200L, number(call, "http.response.status_code"));
    assertEquals(traceparent(call), server.received("/hooks/acme").get(0).header("traceparent"));
  }

  @Test
  void aRefusedConnectionIsAFailedClientSpan(TestKafka kafka) throws Exception {
    int closedPort = TestServer.closedPort();
    HttpSink sink = HttpSink.builder().name("t").requests("req").allow("127.0.0.1")
        .backoff(Duration.ofMillis(20), Duration.ofMillis(20), 2.0, 1).build();
    try (Application app = app(kafka)) {
      app.mount(sink.router()).start();
      app.publish("req", HttpRequest.of("DELETE", "http://127.0.0.1:" + closedPort + "/x")).join();
      read(kafka, "req.error", 1);
    }
    SpanData call = await("DELETE", 1).get(0);
    assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
    assertEquals(java.net.ConnectException.class.getName(), attr(call, "error.type"));
    assertNull(number(call, "http.response.status_code"));
    assertFalse(call.getEvents().isEmpty(), "the exception is recorded");
    assertTrue(call.getEvents().stream().anyMatch(e -> e.getName().equals("exception")), call.toString());
  }

  private static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }

  private static String attr(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  private static Long number(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.longKey(key));
  }

  /** The finished spans of that name, oldest first, once there are {@code n}. */
  private static List<SpanData> await(String name, int n) {
    Wait.until(() -> spans(name).size() >= n, WAIT, n + " finished span(s) named '" + name + "', have "
        + SPANS.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    return spans(name);
  }

  private static List<SpanData> spans(String name) {
    return SPANS.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }
}
