package dev.tidings.ingress;

import static dev.tidings.ingress.Fixtures.post;
import static dev.tidings.ingress.IngressTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tidings.Application;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The OpenLineage drop-in: a RunEvent as OpenLineage's HttpTransport posts it (JSON, optionally
 * gzip, bearer api key), validated, forwarded byte for byte, keyed as its Kafka transport keys it.
 */
@KafkaTest
class OpenLineageTest {
  static Path resource(String name) throws Exception {
    return Path.of(OpenLineageTest.class.getResource("/openlineage/" + name).toURI());
  }

  @Test
  void aRunEventIsForwardedUnchangedAndKeyedByItsRootJob(TestKafka kafka) throws Exception {
    byte[] event = Files.readAllBytes(resource("trino-start.json"));
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none())
            .rawRoute(RawRoute.of("/v1/openlineage", "openlineage", resource("RunEvent.json"), KeyRule.openLineage()))
            .start()) {
      HttpResponse<String> plain = post(ingress.port(), "/v1/openlineage", event,
          "Content-Type", "application/json", "Authorization", "Bearer ignored-without-auth");
      assertEquals(201, plain.statusCode(), plain::body);
      HttpResponse<String> zipped = post(ingress.port(), "/v1/openlineage", Fixtures.gzip(event),
          "Content-Type", "application/json", "Content-Encoding", "gzip");
      assertEquals(201, zipped.statusCode(), zipped::body);

      String child = new String(event, StandardCharsets.UTF_8)
          .replace(",\"root\":{\"run\":{\"runId\":\"01936f2a-0000-7000-8000-000000000000\"},\"job\":{\"namespace\":"
              + "\"airflow\",\"name\":\"etl\"}}", "");
      assertEquals(201, post(ingress.port(), "/v1/openlineage", child).statusCode());
      String orphan = "{\"eventTime\":\"2026-11-30T10:15:30Z\",\"producer\":\"https://example.com/p\",\"schemaURL\":"
          + "\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\",\"run\":{\"runId\":"
          + "\"01936f2a-5b8e-7c3d-9a1f-2b4c6d8e0f13\"},\"job\":{\"namespace\":\"ns\",\"name\":\"job-1\"}}";
      assertEquals(201, post(ingress.port(), "/v1/openlineage", orphan).statusCode());

      HttpResponse<String> invalid = post(ingress.port(), "/v1/openlineage",
          "{\"eventTime\":\"yesterday\",\"producer\":\"p\",\"schemaURL\":\"s\",\"run\":{},\"job\":{\"name\":\"x\"}}");
      assertError(invalid, 422, "invalid_data", "the body does not match the schema of /v1/openlineage", false);
      List<String> pointers = IngressTest.json(invalid).at("/error/details").findValuesAsText("pointer");
      assertEquals(List.of("/eventTime", "/job", "/producer", "/run", "/schemaURL"), pointers.stream().distinct().toList());

      List<ConsumerRecord<byte[], byte[]>> stored = kafka.readAll(kafka.topic("openlineage"), 4, Duration.ofSeconds(30));
      assertEquals(4, stored.size());
      assertArrayEquals(event, stored.get(0).value(), "byte for byte");
      assertArrayEquals(event, stored.get(1).value(), "byte for byte after inflating gzip");
      assertEquals("run:airflow/etl", new String(stored.get(0).key(), StandardCharsets.UTF_8));
      assertEquals("run:airflow/etl.load_orders", new String(stored.get(2).key(), StandardCharsets.UTF_8));
      assertEquals("run:ns/job-1", new String(stored.get(3).key(), StandardCharsets.UTF_8));
    }
  }
}
