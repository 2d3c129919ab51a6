package dev.tidings.http.sink;

import static dev.tidings.http.sink.Exchanges.app;
import static dev.tidings.http.sink.Exchanges.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tidings.Application;
import dev.tidings.ConfigurationException;
import dev.tidings.Router;
import dev.tidings.SchemaDefinition;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Forward mode: any envelope POSTed to a URL template filled from the message. */
@KafkaTest
class ForwardTest {
  /** A test schema, registered by hand. */
  record Order(String tenant, int n) {}

  private static final String ORDER_SCHEMA = "{\"type\":\"object\",\"required\":[\"tenant\",\"n\"],"
      + "\"properties\":{\"tenant\":{\"type\":\"string\"},\"n\":{\"type\":\"integer\"}}}";

  @Test
  void forwardsDataToTheTemplateUrlWithTheConfiguredHeaders(TestKafka kafka) throws Exception {
    try (TestServer server = new TestServer()) {
      HttpSink sink = HttpSink.builder().name("hooks").forward("orders.*", server.url("/hooks/{/data/tenant}"))
          .header("X-Source", "tidings").build();
      try (Application app = app(kafka)) {
        app.mount(new Router().schema(SchemaDefinition.of(Order.class, "Order", 1, ORDER_SCHEMA)))
            .mount(sink.router()).start();
        app.publish("orders.eu", new Order("acme corp", 1), "o-1".getBytes(StandardCharsets.UTF_8)).join();
        JsonNode x = read(kafka, "orders.eu.success", 1).get(0);
        assertEquals("success", x.path("outcome").asText());
        assertEquals(server.url("/hooks/acme%20corp"), x.path("request").path("url").asText());
      }
      TestServer.Received got = server.received().get(0);
      assertEquals("/hooks/acme%20corp", got.path());
      assertEquals("POST", got.method());
      assertEquals("{\"tenant\":\"acme corp\",\"n\":1}", got.body());
      assertEquals("tidings", got.header("X-Source"));
      assertEquals("application/json", got.header("Content-Type"));
      assertEquals(1, server.received().size(), "the success stream was forwarded again: " + server.received());
    }
  }

  @Test
  void aMessageWithoutThePlaceholderValueIsDeadLettered(TestKafka kafka) throws Exception {
    try (TestServer server = new TestServer()) {
      HttpSink sink = HttpSink.builder().name("hooks").forward("events", server.url("/{/data/tenant}")).build();
      try (Application app = app(kafka)) {
        app.mount(sink.router()).start();
        app.rawPublish("events", "{\"schema\":\"Other:1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8)).join();
        app.rawPublish("events", "not json".getBytes(StandardCharsets.UTF_8)).join();
        assertEquals(2, kafka.readAll(kafka.topic("events.dlt"), 2, Exchanges.WAIT).size());
      }
      assertTrue(server.received().isEmpty());
    }
  }

  @Test
  void aHostFromTheMessageNeedsAnAllowList() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> HttpSink.builder().name("x").forward("e", "http://{/data/host}/hook").build());
    assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
  }
}
