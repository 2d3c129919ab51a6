package dev.tidings.http.sink;

import static dev.tidings.http.sink.Exchanges.app;
import static dev.tidings.http.sink.Exchanges.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.http.sink.TestServer.Reply;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** OAuth2 client credentials with refresh on 401, and secrets kept out of exchanges and logs. */
@KafkaTest
class AuthTest {
  private static final String CLIENT_SECRET = "client-secret-Zq81";
  private static final String API_KEY = "api-key-Hx27";
  private static final String BEARER = "bearer-token-Pw93";

  @Test
  void anOAuth2TokenIsFetchedCachedAndRefreshedOnceOn401(TestKafka kafka) throws Exception {
    AtomicInteger issued = new AtomicInteger();
    try (TestServer server = new TestServer()) {
      server.answer(r -> {
        if (r.path().equals("/token")) {
          boolean ok = r.header("Authorization") != null && r.header("Authorization").startsWith("Basic ")
              && r.body().contains("grant_type=client_credentials");
          return ok ? Reply.of(200, "{\"access_token\":\"tok-" + issued.incrementAndGet() + "\",\"expires_in\":3600}")
              : Reply.of(401, "bad client");
        }
        // The target accepts only the newest token: the first one is revoked after its first use.
        String current = "Bearer tok-" + issued.get();
        return current.equals(r.header("Authorization")) && !(issued.get() == 1 && r.path().equals("/api/2"))
            ? Reply.of(200, "fine") : Reply.of(401, "expired");
      });
      HttpSink sink = HttpSink.builder().name("o").requests("req").allow("127.0.0.1:" + server.port())
          .auth(SinkAuth.oauth2(URI.create(server.url("/token")), "client-1", Secret.of(CLIENT_SECRET),
              Optional.of("write")))
          .build();
      try (Application app = app(kafka)) {
        app.mount(sink.router()).start();
        app.publish("req", HttpRequest.of("GET", server.url("/api/1"))).join();
        app.publish("req", HttpRequest.of("GET", server.url("/api/2"))).join();
        app.publish("req", HttpRequest.of("GET", server.url("/api/3"))).join();
        var exchanges = read(kafka, "req.success", 3);
        assertEquals(3, exchanges.size());
        for (JsonNode x : exchanges) {
          assertEquals("***", x.path("request").path("headers").path("Authorization").path(0).asText(), x.toString());
        }
      }
      assertEquals(2, server.received("/token").size(), "one token for /api/1, a new one after the 401 of /api/2");
      assertEquals(2, server.received("/api/2").size());
      assertEquals("Bearer tok-2", server.received("/api/3").get(0).header("Authorization"));
      assertTrue(server.received("/token").get(0).body().contains("scope=write"));
    }
  }

  @Test
  void secretsAreAbsentFromEveryExchangeAndLogLine(TestKafka kafka) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    ch.qos.logback.classic.Level before = ((Logger) LoggerFactory.getLogger("dev.tidings")).getLevel();
    ((Logger) LoggerFactory.getLogger("dev.tidings")).setLevel(ch.qos.logback.classic.Level.DEBUG);
    try (TestServer server = new TestServer()) {
      server.script("/bad", Reply.of(500, "boom"));
      server.script("/gone", Reply.of(404, "no"));
      HttpSink bearer = HttpSink.builder().name("b").requests("req.bearer").allow("127.0.0.1:" + server.port())
          .auth(SinkAuth.bearer(Secret.of(BEARER))).backoff(Duration.ofMillis(10), Duration.ofMillis(20), 2, 2)
          .build();
      HttpSink keyed = HttpSink.builder().name("h").requests("req.keyed").allow("127.0.0.1:" + server.port())
          .auth(SinkAuth.headers(Map.of("X-Api-Key", Secret.of(API_KEY)))).secretHeader("X-Signature").build();
      try (Application app = app(kafka)) {
        app.mount(bearer.router()).mount(keyed.router()).start();
        for (String path : new String[] {"/ok", "/bad", "/gone"}) {
          app.publish("req.bearer", HttpRequest.of("GET", server.url(path))).join();
          app.publish("req.keyed", HttpRequest.of("GET", server.url(path))
              .withHeaders(Map.of("X-Signature", java.util.List.of("sig-secret")))).join();
        }
        int total = 0;
        for (String stream : new String[] {"req.bearer.success", "req.bearer.error", "req.keyed.success", "req.keyed.error"}) {
          int expected = stream.endsWith("success") ? 1 : 2;
          for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(kafka.topic(stream), expected, Exchanges.WAIT)) {
            String all = Exchanges.text(r);
            assertFalse(all.contains(BEARER) || all.contains(API_KEY) || all.contains("sig-secret"),
                "a secret in " + stream + ": " + all);
            total++;
          }
        }
        assertEquals(6, total);
      }
      // The two sinks call /ok concurrently, in either order: each request carries its own sink's secret.
      assertTrue(server.received("/ok").stream().anyMatch(r -> ("Bearer " + BEARER).equals(r.header("Authorization"))),
          "the bearer sink sent its token: " + server.received("/ok"));
      assertTrue(server.received("/ok").stream().anyMatch(r -> API_KEY.equals(r.header("X-Api-Key"))),
          "the header sink sent its key: " + server.received("/ok"));
      assertTrue(logs.list.size() > 0);
      for (ILoggingEvent e : logs.list) {
        String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
        assertFalse(line.contains(BEARER) || line.contains(API_KEY) || line.contains("sig-secret"), "secret logged: " + line);
      }
    } finally {
      root.detachAppender(logs);
      ((Logger) LoggerFactory.getLogger("dev.tidings")).setLevel(before);
    }
  }
}
