package dev.tidings.ingress;

import static dev.tidings.ingress.Fixtures.get;
import static dev.tidings.ingress.Fixtures.order;
import static dev.tidings.ingress.Fixtures.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@KafkaTest
class IngressTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Duration.ofSeconds(30);

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  @Test
  void anEnvelopeIsStoredWithKeyAndHeadersWhereTheAnswerSays(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).start()) {
      HttpResponse<String> r = post(ingress.port(), "/v1/streams/orders",
          "{ \"schema\": \"Order:1\", \"data\": { \"id\": \"o-1\", \"qty\": 2 } }",
          "Content-Type", "application/json; charset=utf-8", "Tidings-Key", "customer-1",
          "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
          "X-Request-ID", "req-42", "Tidings-Header-tidings.message-id", "m-1");
      assertEquals(201, r.statusCode(), r::body);
      assertEquals("req-42", r.headers().firstValue("X-Request-ID").orElseThrow());
      assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
      JsonNode body = json(r);
      assertEquals(List.of("topic", "partition", "offset", "timestamp"), List.copyOf(iterable(body.fieldNames())));
      assertEquals(kafka.topic("orders"), body.get("topic").asText());

      List<ConsumerRecord<byte[], byte[]>> stored = kafka.readAll(kafka.topic("orders"), 1, WAIT);
      assertEquals(1, stored.size());
      ConsumerRecord<byte[], byte[]> record = stored.get(0);
      assertEquals(record.partition(), body.get("partition").asInt());
      assertEquals(record.offset(), body.get("offset").asLong());
      assertEquals(record.timestamp(), body.get("timestamp").asLong());
      assertEquals("{\"schema\":\"Order:1\",\"data\":{\"id\":\"o-1\",\"qty\":2}}",
          new String(record.value(), StandardCharsets.UTF_8), "compact, as Application.publish writes it");
      assertEquals("customer-1", new String(record.key(), StandardCharsets.UTF_8));
      assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", Fixtures.header(record, "traceparent"));
      assertEquals("req-42", Fixtures.header(record, "tidings.request-id"));
      assertEquals("m-1", Fixtures.header(record, "tidings.message-id"));
      assertEquals(null, Fixtures.header(record, "tidings.principal"), "no principal without authentication");

      HttpResponse<String> second = post(ingress.port(), "/v1/streams/orders", order("o-2", 1),
          "Tidings-Key-Base64", Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xff}));
      assertEquals(201, second.statusCode(), second::body);
      String generated = second.headers().firstValue("X-Request-ID").orElseThrow();
      assertEquals(36, generated.length(), "a generated UUID: " + generated);
      ConsumerRecord<byte[], byte[]> raw = kafka.readAll(kafka.topic("orders"), 2, WAIT).get(1);
      assertTrue(java.util.Arrays.equals(new byte[] {0, (byte) 0xff}, raw.key()));
      assertEquals(generated, Fixtures.header(raw, "tidings.request-id"));
    }
  }

  @Test
  void gzipBodiesAreInflatedAndBombsCutOffAtTheLimit(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).maxBodyBytes(4096).start()) {
      HttpResponse<String> ok = post(ingress.port(), "/v1/streams/zipped",
          Fixtures.gzip(order("o-1", 1).getBytes(StandardCharsets.UTF_8)), "Content-Encoding", "gzip");
      assertEquals(201, ok.statusCode(), ok::body);
      byte[] bomb = Fixtures.gzip(new byte[50_000_000]);
      assertTrue(bomb.length < 100_000, "a small body: " + bomb.length);
      HttpResponse<String> cut = post(ingress.port(), "/v1/streams/zipped", bomb, "Content-Encoding", "gzip");
      assertEquals(413, cut.statusCode(), cut::body);
      assertEquals("too_large", json(cut).at("/error/code").asText());
      HttpResponse<String> broken = post(ingress.port(), "/v1/streams/zipped", "not gzip", "Content-Encoding", "gzip");
      assertEquals(400, broken.statusCode(), broken::body);
      assertEquals("bad_encoding", json(broken).at("/error/code").asText());
      HttpResponse<String> br = post(ingress.port(), "/v1/streams/zipped", order("o-1", 1), "Content-Encoding", "br");
      assertEquals(415, br.statusCode(), br::body);
      assertEquals(1, kafka.readAll(kafka.topic("zipped"), 1, WAIT).size());
    }
  }

  @Test
  void everyRefusalHasItsStatusAndTheOneErrorShape(TestKafka kafka) {
    kafka.createTopic(kafka.topic("orders"), 1);
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).maxBodyBytes(1000)
            .allowSchemas("orders", "Order:1").start()) {
      int port = ingress.port();
      assertError(post(port, "/v1/streams/orders", "{\"schema\":"), 400, "not_json",
          "the body is not JSON: Unexpected end-of-input", false);
      assertError(post(port, "/v1/streams/orders", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'}),
          400, "bad_encoding", "the body is not UTF-8", false);
      assertError(post(port, "/v1/streams/orders", order("o", 1), "Content-Type", "text/plain"), 415,
          "unsupported_media_type", "Content-Type 'text/plain' is not accepted here", false);
      assertError(post(port, "/v1/streams/orders", order("o", 1), "Content-Type", "application/json; charset=latin1"),
          415, "unsupported_media_type", "charset 'latin1' is not accepted", false);
      assertError(post(port, "/v1/nothing", order("o", 1)), 404, "not_found", "no route /v1/nothing", false);
      HttpResponse<String> method = get(port, "/v1/streams/orders");
      assertError(method, 405, "method_not_allowed", "GET is not allowed on /v1/streams/orders: use POST", false);
      assertEquals("POST", method.headers().firstValue("Allow").orElseThrow());
      assertError(post(port, "/v1/streams/orders", "{\"schema\":\"Order:1\",\"data\":{\"id\":\"" + "x".repeat(2000)
          + "\",\"qty\":1}}"), 413, "too_large", "the body is over the limit of 1000 bytes", false);
      assertError(post(port, "/v1/streams/orders", "[1,2]"), 422, "not_envelope", "not an envelope: got array", false);
      assertError(post(port, "/v1/streams/orders", "{\"schema\":\"Order:1\",\"data\":{},\"key\":1}"), 422,
          "not_envelope", "not an envelope: it has members besides 'schema' and 'data': [key]", false);
      assertError(post(port, "/v1/streams/orders", "{\"schema\":\"Nope:1\",\"data\":{}}"), 422, "unknown_schema",
          "schema 'Nope:1' is not registered in this application; known: ", false);
      assertError(post(port, "/v1/streams/orders", "{\"schema\":\"Note:1\",\"data\":{\"text\":\"t\"}}"), 422,
          "schema_not_allowed", "schema 'Note:1' is not allowed on stream 'orders'; allowed: [Order:1]", false);
      HttpResponse<String> invalid = post(port, "/v1/streams/orders",
          "{\"schema\":\"Order:1\",\"data\":{\"id\":\"\",\"qty\":0}}");
      assertError(invalid, 422, "invalid_data", "data does not match schema Order:1: 2 violation(s), first at /data/id",
          false);
      JsonNode details = json(invalid).at("/error/details");
      assertEquals("/data/id", details.get(0).get("pointer").asText());
      assertEquals("minLength", details.get(0).get("keyword").asText());
      assertEquals("/data/qty", details.get(1).get("pointer").asText());
      assertEquals("minimum", details.get(1).get("keyword").asText());
      assertEquals("must have a minimum value of 1", details.get(1).get("message").asText());
      assertError(post(port, "/v1/streams/bad%20name", order("o", 1)), 400, "invalid_stream",
          "stream 'bad name' has ' '", false);
      assertError(post(port, "/v1/streams/orders", order("o", 1), "Tidings-Key", "a", "Tidings-Key-Base64", "YQ=="),
          400, "bad_key", "both a UTF-8 and a base64 key were given", false);
      assertError(post(port, "/v1/streams/orders", "{\"a\":1,\"a\":2}"), 400, "not_json", "the body is not JSON: Duplicate field 'a'",
          false);
      String deep = "[".repeat(10_000) + "]".repeat(10_000);
      assertError(post(port, "/v1/streams/orders", deep), 413, "too_large", "the body is over the limit", false);
    }
    assertEquals(0, kafka.readAll(kafka.topic("orders"), 0, Duration.ofSeconds(2)).size(), "nothing stored");
  }

  @Test
  void saturationIs503WithRetryAfterAndNoQueue(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).maxInFlightBytes(10).start()) {
      HttpResponse<String> r = post(ingress.port(), "/v1/streams/orders", order("o-1", 1));
      assertError(r, 503, "saturated", "the server has", true);
      assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
    }
  }

  @Test
  void batchesPublishTheValidEntriesAndReportEachOne(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).maxBatchSize(3).start()) {
      int port = ingress.port();
      HttpResponse<String> mixed = post(port, "/v1/streams/b/batch", "[" + order("o-1", 1) + ","
          + "{\"key\":\"k-2\",\"headers\":{\"h\":\"v\"},\"envelope\":" + order("o-2", 2) + "},"
          + "{\"schema\":\"Order:1\",\"data\":{\"id\":\"o-3\",\"qty\":-1}}]");
      assertEquals(200, mixed.statusCode(), mixed::body);
      JsonNode body = json(mixed);
      assertEquals("partial_success", body.get("status").asText());
      assertEquals("{\"received\":3,\"successful\":2,\"failed\":1}", body.get("summary").toString());
      assertEquals(0, body.at("/results/0/index").asInt());
      assertEquals("invalid_data", body.at("/results/2/error/code").asText());
      assertEquals("/2/data/qty", body.at("/results/2/error/details/0/pointer").asText());
      List<ConsumerRecord<byte[], byte[]>> stored = kafka.readAll(kafka.topic("b"), 2, WAIT);
      assertEquals(2, stored.size());
      ConsumerRecord<byte[], byte[]> second = stored.stream()
          .filter(c -> c.offset() == body.at("/results/1/offset").asLong()
              && c.partition() == body.at("/results/1/partition").asInt()).findFirst().orElseThrow();
      assertEquals("k-2", new String(second.key(), StandardCharsets.UTF_8));
      assertEquals("v", Fixtures.header(second, "h"));

      HttpResponse<String> ndjson = post(port, "/v1/streams/b", order("o-4", 1) + "\n" + order("o-5", 1) + "\n",
          "Content-Type", "application/x-ndjson");
      assertEquals(415, ndjson.statusCode(), "NDJSON only on /batch");
      HttpResponse<String> lines = post(port, "/v1/streams/b/batch", order("o-4", 1) + "\r\n{oops\n",
          "Content-Type", "application/x-ndjson");
      assertEquals(200, lines.statusCode(), lines::body);
      assertEquals("not_json", json(lines).at("/results/1/error/code").asText());

      HttpResponse<String> allBad = post(port, "/v1/streams/b/batch", "[{\"schema\":\"X:1\",\"data\":{}}, 7]");
      assertEquals(422, allBad.statusCode(), allBad::body);
      assertEquals("failure", json(allBad).get("status").asText());
      assertEquals("not_envelope", json(allBad).at("/results/1/error/code").asText());
      assertError(post(port, "/v1/streams/b/batch", "[1,2,3,4]"), 413, "too_many_entries",
          "the batch has more than 3 entries", false);
      assertError(post(port, "/v1/streams/b/batch", "{}"), 422, "not_batch", "a batch is a JSON array", false);
      assertEquals(3, kafka.readAll(kafka.topic("b"), 3, WAIT).size());
    }
  }

  static void assertError(HttpResponse<String> r, int status, String code, String messageStart, boolean retriable) {
    assertEquals(status, r.statusCode(), r::body);
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(null), r::body);
    JsonNode body = json(r);
    assertEquals(List.of("error"), List.copyOf(iterable(body.fieldNames())), r::body);
    JsonNode error = body.get("error");
    assertEquals(List.of("code", "message", "details", "retriable"), List.copyOf(iterable(error.fieldNames())), r::body);
    assertEquals(code, error.get("code").asText(), r::body);
    assertTrue(error.get("message").asText().startsWith(messageStart), r::body);
    assertEquals(retriable, error.get("retriable").asBoolean(), r::body);
    assertNotNull(error.get("details"));
  }

  static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
