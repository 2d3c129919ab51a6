package dev.tidings.ingress;

import static dev.tidings.ingress.Fixtures.order;
import static dev.tidings.ingress.Fixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
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
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingress's SERVER spans, over real HTTP and the test broker, caught by the SDK's in-memory
 * exporter: the client's trace → the server span of the POST → the producer span of each message
 * it publishes, one trace, and the stored records carry their producer span's context.
 */
@KafkaTest
class IngressTracingTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CLIENT_SPAN = "b7ad6b7169203331";
  private static final String TRACEPARENT = "00-" + TRACE + "-" + CLIENT_SPAN + "-01";
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
  void reset() {
    SPANS.reset();
  }

  @Test
  void aPostIsAServerSpanOfTheClientsTraceAndItsPublishIsItsChild(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).start()) {
      HttpResponse<String> r = post(ingress.port(), "/v1/streams/orders", order("o-1", 2),
          "traceparent", TRACEPARENT, "tracestate", "vendor=1", "User-Agent", "tracing-test/1");
      assertEquals(201, r.statusCode(), r::body);

      SpanData server = await("POST /v1/streams/{stream}").get(0);
      assertEquals(SpanKind.SERVER, server.getKind());
      assertEquals(TRACE, server.getTraceId());
      assertEquals(CLIENT_SPAN, server.getParentSpanId(), "continues the client's traceparent");
      assertEquals("1", server.getSpanContext().getTraceState().get("vendor"), "keeps the client's tracestate");
      assertEquals("POST", attr(server, "http.request.method"));
      assertEquals("/v1/streams/{stream}", attr(server, "http.route"));
      assertEquals("/v1/streams/orders", attr(server, "url.path"));
      assertEquals("http", attr(server, "url.scheme"));
      assertEquals("1.1", attr(server, "network.protocol.version"));
      assertEquals("tracing-test/1", attr(server, "user_agent.original"));
      assertEquals((long) ingress.port(), number(server, "server.port"));
      assertEquals(201L, number(server, "http.response.status_code"));
      assertEquals(StatusCode.UNSET, server.getStatus().getStatusCode());

      SpanData send = await("send " + kafka.topic("orders")).get(0);
      assertEquals(server.getSpanId(), send.getParentSpanId(), "the publish is a child of the server span");
      assertEquals(TRACE, send.getTraceId());
      ConsumerRecord<byte[], byte[]> stored = kafka.readAll(kafka.topic("orders"), 1, WAIT).get(0);
      assertEquals(traceparent(send), Fixtures.header(stored, "traceparent"),
          "the record carries its producer span's context, so its consumers join the trace");
      assertEquals("vendor=1", Fixtures.header(stored, "tracestate"));
    }
  }

  @Test
  void eachEntryOfABatchIsAChildOfTheOneServerSpan(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).start()) {
      HttpResponse<String> r = post(ingress.port(), "/v1/streams/orders/batch",
          "[" + order("b-1", 1) + "," + order("b-2", 2) + "]", "traceparent", TRACEPARENT);
      assertEquals(200, r.statusCode(), r::body);
      SpanData server = await("POST /v1/streams/{stream}/batch").get(0);
      assertEquals(CLIENT_SPAN, server.getParentSpanId());
      Wait.until(() -> spans("send " + kafka.topic("orders")).size() == 2, WAIT, "two producer spans");
      for (SpanData send : spans("send " + kafka.topic("orders"))) {
        assertEquals(server.getSpanId(), send.getParentSpanId());
      }
    }
  }

  @Test
  void refusedRequestsAreSpansTooAndOnlyA5xxFailsOne(TestKafka kafka) throws IOException {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).start()) {
      HttpResponse<String> invalid = post(ingress.port(), "/v1/streams/orders",
          "{\"schema\":\"Order:1\",\"data\":{\"id\":7}}", "traceparent", TRACEPARENT);
      assertTrue(invalid.statusCode() >= 400 && invalid.statusCode() < 500, invalid::body);
      HttpResponse<String> unsupported = post(ingress.port(), "/v1/streams/orders", order("o-1", 1),
          "Content-Type", "text/plain");
      assertEquals(415, unsupported.statusCode(), unsupported::body);

      List<SpanData> servers = await("POST /v1/streams/{stream}", 2);
      assertEquals((long) invalid.statusCode(), number(servers.get(0), "http.response.status_code"));
      assertEquals(CLIENT_SPAN, servers.get(0).getParentSpanId());
      assertEquals(415L, number(servers.get(1), "http.response.status_code"));
      assertNotEquals(TRACE, servers.get(1).getTraceId(), "no traceparent: a new trace");
      for (SpanData s : servers) {
        assertEquals(StatusCode.UNSET, s.getStatus().getStatusCode(), "a 4xx is the client's error, not the server's");
      }
      assertEquals(List.of(), spans("send " + kafka.topic("orders")), "nothing was published");
    }
    try (Application down = Fixtures.app("127.0.0.1:" + closedPort(), kafka.topicPrefix());
        Ingress ingress = Ingress.builder(down).auth(Authenticator.none()).ackTimeout(Duration.ofSeconds(1))
            .start()) {
      HttpResponse<String> r = post(ingress.port(), "/v1/streams/orders", order("o-2", 1));
      assertEquals(503, r.statusCode(), r::body);
      SpanData failed = await("POST /v1/streams/{stream}", 3).get(2);
      assertEquals(503L, number(failed, "http.response.status_code"));
      assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
      assertEquals("503", attr(failed, "error.type"));
    }
  }

  /** A port nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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

  private static List<SpanData> await(String name) {
    return await(name, 1);
  }

  /** The finished spans of that name, oldest first, once there are {@code n}. */
  private static List<SpanData> await(String name, int n) {
    Wait.until(() -> spans(name).size() >= n, WAIT, n + " finished span(s) named '" + name + "', have "
        + SPANS.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    return spans(name);
  }

  private static List<SpanData> spans(String name) {
    return SPANS.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name))
        .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }
}
