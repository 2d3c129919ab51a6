package dev.tidings.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.ConfigurationException;
import dev.tidings.PublishException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http transport against a test server speaking the ingress contract over a real socket. */
class HttpTransportTest {
  private static final String SECRET = "s3cr3t-t0ken";

  private static byte[] envelope(int i) {
    return ("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"m-" + i + "\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static Transport http(FakeIngress ingress, String extra) {
    return Transports.create(TransportConfig.parse("type: http\nurl: " + ingress.url() + "\n"
        + "retry: {initialBackoff: 20ms, maxBackoff: 200ms, maxAttempts: 4}\n" + extra)
        .withEnvironment(Map.of("INGRESS_TOKEN", SECRET)));
  }

  private static PublishException failure(Transport t, OutgoingMessage m) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> t.send(m).toCompletableFuture().get());
    return assertInstanceOf(PublishException.class, e.getCause());
  }

  @Test
  void postsOneEnvelopeWithKeyHeadersAndAuth() throws Exception {
    try (FakeIngress ingress = new FakeIngress();
        Transport t = http(ingress, "auth: {type: bearer, tokenEnv: INGRESS_TOKEN}\nheaders: {X-Team: billing}\n")) {
      OutgoingMessage m = new OutgoingMessage("orders", "o-1".getBytes(StandardCharsets.UTF_8),
          List.of(OutgoingMessage.Header.of("traceparent", "00-abc-def-01"),
              OutgoingMessage.Header.of("tidings.correlation-id", "c-9"),
              OutgoingMessage.Header.of("tidings.request-id", "req-7")), envelope(1), null);
      Delivery d = t.send(m).toCompletableFuture().get();
      assertEquals(new Delivery("http", "p.orders", 0, 0, 201), d);
      FakeIngress.Request r = ingress.requests().get(0);
      assertEquals("POST", r.method());
      assertEquals("/v1/streams/orders", r.path());
      assertEquals("application/json", r.header("Content-Type"));
      assertEquals("o-1", r.header("Tidings-Key"));
      assertEquals("00-abc-def-01", r.header("traceparent"));
      assertEquals("c-9", r.header("Tidings-Header-tidings.correlation-id"));
      assertEquals("req-7", r.header("X-Request-ID"));
      assertEquals("billing", r.header("X-Team"));
      assertEquals("Bearer " + SECRET, r.header("Authorization"));
      assertArrayEquals(envelope(1), r.body());
      assertFalse(t.toString().contains(SECRET), t::toString);

      t.send(new OutgoingMessage("orders", new byte[] {(byte) 0xff, 1}, List.of(), envelope(2), null))
          .toCompletableFuture().get();
      assertEquals(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 1}),
          ingress.requests().get(1).header("Tidings-Key-Base64"));
      assertNull(ingress.requests().get(1).header("Tidings-Key"));
    }
  }

  @Test
  void retries503ThenStoresAndHonoursRetryAfter() throws Exception {
    try (FakeIngress ingress = new FakeIngress()) {
      ingress.then(new FakeIngress.Answer(503, Map.of("Retry-After", "1"),
          "{\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"Kafka is unavailable\",\"retriable\":true}}", 0));
      ingress.then(FakeIngress.Answer.of(429, "{}"));
      try (Transport t = http(ingress, "")) {
        long start = System.nanoTime();
        Delivery d = t.send(OutgoingMessage.of("orders", envelope(1))).toCompletableFuture().get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(201, d.status());
        assertEquals(3, ingress.requests().size());
        assertTrue(millis >= 950, "Retry-After: 1 was honoured, took " + millis + " ms");
      }
    }
  }

  @Test
  void aRefusalIsFinalAndNamesTheBodysMessage() throws Exception {
    try (FakeIngress ingress = new FakeIngress()) {
      ingress.then(FakeIngress.Answer.of(400, "{\"error\":{\"code\":\"INVALID_DATA\",\"message\":\"data does not match"
          + " schema Foo:1\",\"details\":[{\"pointer\":\"/data/bar\",\"message\":\"must be a string\",\"keyword\":"
          + "\"type\"}],\"retriable\":false}}"));
      try (Transport t = http(ingress, "auth: {type: bearer, tokenEnv: INGRESS_TOKEN}\n")) {
        PublishException p = failure(t, OutgoingMessage.of("orders", envelope(1)));
        assertFalse(p.isRetriable());
        assertEquals("the ingress at " + ingress.url() + "/v1/streams/orders refused the message: HTTP 400"
            + " INVALID_DATA: data does not match schema Foo:1 (/data/bar: must be a string)", p.getMessage());
        assertEquals(1, ingress.requests().size(), "not retried");
        assertFalse(p.getMessage().contains(SECRET));
      }
    }
  }

  @Test
  void retriableStatusesGiveUpAfterMaxAttempts() throws Exception {
    try (FakeIngress ingress = new FakeIngress()) {
      for (int i = 0; i < 4; i++) {
        ingress.then(FakeIngress.Answer.of(502, ""));
      }
      try (Transport t = http(ingress, "")) {
        PublishException p = failure(t, OutgoingMessage.of("orders", envelope(1)));
        assertTrue(p.isRetriable());
        assertEquals(4, ingress.requests().size());
        assertTrue(p.getMessage().contains("HTTP 502") && p.getMessage().contains("no attempts left"), p.getMessage());
      }
    }
  }

  @Test
  void aTimeoutIsRetriableButNotRetried() throws Exception {
    try (FakeIngress ingress = new FakeIngress()) {
      ingress.then(new FakeIngress.Answer(201, Map.of(), "{}", 3000));
      try (Transport t = http(ingress, "timeout: 300ms\n")) {
        PublishException p = failure(t, OutgoingMessage.of("orders", envelope(1)));
        assertTrue(p.isRetriable());
        assertTrue(p.getMessage().contains("within PT0.3S (timeout)"), p.getMessage());
        assertEquals(1, ingress.requests().size());
      }
    }
  }

  @Test
  void connectionRefusedIsRetriedThenRetriable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (Transport t = Transports.create(TransportConfig.parse("type: http\nurl: http://127.0.0.1:" + port
        + "\nretry: {initialBackoff: 10ms, maxAttempts: 3}\nauth: {type: basic, username: u, password: " + SECRET + "}"))) {
      long start = System.nanoTime();
      PublishException p = failure(t, OutgoingMessage.of("orders", envelope(1)));
      assertTrue(p.isRetriable());
      assertTrue(p.getMessage().startsWith("cannot connect to http://127.0.0.1:" + port + "/v1/streams/orders"
          + " (ConnectException) after 3 attempt(s)"), p.getMessage());
      assertFalse(p.getMessage().contains(SECRET));
      assertFalse(t.toString().contains(SECRET));
      assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }
  }

  @Test
  void basicAuthFromAFileAndGzip(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("password"), SECRET + "\n");
    try (FakeIngress ingress = new FakeIngress();
        Transport t = http(ingress, "compression: gzip\nauth: {type: basic, username: app, passwordFile: " + secret
            + "}\n")) {
      t.send(OutgoingMessage.of("orders", envelope(5))).toCompletableFuture().get();
      FakeIngress.Request r = ingress.requests().get(0);
      assertEquals("gzip", r.header("Content-Encoding"));
      assertArrayEquals(envelope(5), r.body(), "the server unzipped the envelope");
      assertEquals("Basic " + Base64.getEncoder().encodeToString(("app:" + SECRET).getBytes(StandardCharsets.UTF_8)),
          r.header("Authorization"));
    }
  }

  @Test
  void batchesUseTheBatchEndpoint() throws Exception {
    try (FakeIngress ingress = new FakeIngress();
        Transport t = http(ingress, "batch: {size: 10, linger: 50ms}\n")) {
      ingress.refuseEntries(env -> env.contains("m-13") ? "INVALID_DATA" : null);
      List<CompletableFuture<Delivery>> sends = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        sends.add(t.send(new OutgoingMessage("orders", ("k-" + i).getBytes(StandardCharsets.UTF_8),
            List.of(OutgoingMessage.Header.of("traceparent", "00-t-" + i)), envelope(i), null)).toCompletableFuture());
      }
      assertTrue(t.flush(Duration.ofSeconds(10)));
      // Batches travel concurrently, so they may arrive in any order; a slow machine may also let the
      // linger cut a batch short. Every batch holds at most 10 entries, and together they hold all 25
      // in order.
      List<JsonNode> batches = new ArrayList<>();
      for (FakeIngress.Request request : ingress.requests()) {
        assertEquals("/v1/streams/orders/batch", request.path());
        batches.add(new ObjectMapper().readTree(request.body()));
      }
      batches.sort(java.util.Comparator.comparingInt(b -> Integer.parseInt(b.get(0).path("key").asText().substring(2))));
      List<String> keys = new ArrayList<>();
      for (JsonNode batch : batches) {
        assertTrue(batch.size() <= 10, "batch of " + batch.size());
        batch.forEach(entry -> keys.add(entry.path("key").asText()));
      }
      assertEquals(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "k-" + i).toList(), keys);
      assertTrue(batches.size() >= 3, batches.size() + " batches");
      int entryOf13 = -1;
      for (JsonNode batch : batches) {
        for (int e = 0; e < batch.size(); e++) {
          if (batch.get(e).path("key").asText().equals("k-13")) {
            entryOf13 = e;
          }
        }
      }
      JsonNode first = batches.get(0);
      assertEquals("00-t-0", first.get(0).path("headers").path("traceparent").asText());
      assertEquals("{\"schema\":\"Foo:1\",\"data\":{\"bar\":\"m-0\"}}", first.get(0).path("envelope").toString());
      for (int i = 0; i < 25; i++) {
        if (i == 13) {
          ExecutionException e = assertThrows(ExecutionException.class, sends.get(i)::get);
          PublishException p = assertInstanceOf(PublishException.class, e.getCause());
          assertFalse(p.isRetriable());
          assertTrue(p.getMessage().contains("refused entry " + entryOf13 + " of a batch: INVALID_DATA: data does not"
              + " match the schema (/data/qty: must be >= 1)"), p.getMessage());
        } else {
          assertEquals(200, sends.get(i).get().status());
        }
      }
    }
  }

  @Test
  void configurationErrors() {
    assertTrue(assertThrows(ConfigurationException.class, () -> Transports.create(TransportConfig.parse("type: http")))
        .getMessage().startsWith("missing key 'url' in transport (transport configuration)"));
    assertEquals("key 'timeout' in transport (transport configuration) is 'fast': expected a duration such as 500ms,"
        + " 10s, 2m, 1h or PT10S", assertThrows(ConfigurationException.class,
            () -> Transports.create(TransportConfig.parse("type: http\nurl: http://x:1\ntimeout: fast"))).getMessage());
    assertEquals("environment variable NOPE named by 'tokenEnv' in transport.auth (transport configuration) is not"
        + " set: export it before starting", assertThrows(ConfigurationException.class,
            () -> Transports.create(TransportConfig.parse("type: http\nurl: http://x:1\nauth: {type: bearer, tokenEnv:"
                + " NOPE}").withEnvironment(Map.of()))).getMessage());
    assertTrue(assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: http\nurl: ftp://x"))).getMessage()
        .startsWith("key 'url' in transport (transport configuration) is 'ftp://x'"));
    String withCredentials = assertThrows(ConfigurationException.class,
        () -> Transports.create(TransportConfig.parse("type: http\nurl: http://u:" + SECRET + "@x:1"))).getMessage();
    assertFalse(withCredentials.contains(SECRET), withCredentials);
  }
}
