package dev.tidings.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,200 generated requests, most of them bad (not JSON, truncated, 10,000 levels deep, invalid
 * UTF-8, wrong types, unknown schemas, oversized, gzip bombs, unauthorized, forbidden, wrong
 * content types, cut-off bodies on raw sockets): never a 5xx, the server stays up, and the topic
 * holds exactly the valid messages afterwards.
 */
@KafkaTest
class MalformedCorpusTest {
  private static final String TOKEN = "corpus-token-0123456789";

  @Test
  void aThousandBadRequestsLeaveExactlyTheValidMessages(TestKafka kafka, @TempDir Path dir) throws Exception {
    Path credentials = dir.resolve("credentials");
    java.nio.file.Files.writeString(credentials, "token corpus " + AuthTest.sha256(TOKEN) + " corpus\n");
    Random random = new Random(20261204);
    Set<String> expected = new HashSet<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.credentialsFile(credentials))
            .maxBodyBytes(64 * 1024).start()) {
      int port = ingress.port();
      for (int i = 0; i < 1200; i++) {
        String id = "v-" + i;
        String valid = Fixtures.order(id, 1 + random.nextInt(9));
        String auth = "Bearer " + TOKEN;
        int kind = i % 14;
        HttpResponse<String> r;
        int status;
        switch (kind) {
          case 0 -> {
            r = Fixtures.post(port, "/v1/streams/corpus", valid, "Authorization", auth);
            status = r.statusCode();
            if (status == 201) {
              expected.add(id);
            }
          }
          case 1 -> {
            byte[] junk = new byte[1 + random.nextInt(200)];
            random.nextBytes(junk);
            status = Fixtures.post(port, "/v1/streams/corpus", junk, "Authorization", auth).statusCode();
          }
          case 2 -> status = Fixtures.post(port, "/v1/streams/corpus",
              valid.substring(0, random.nextInt(valid.length() - 1)), "Authorization", auth).statusCode();
          case 3 -> status = Fixtures.post(port, "/v1/streams/corpus", "{\"schema\":\"Order:1\",\"data\":"
              + "[".repeat(10_000) + "]".repeat(10_000) + "}", "Authorization", auth).statusCode();
          case 4 -> {
            byte[] bytes = valid.replace(id, id + "\u0000X").getBytes(StandardCharsets.UTF_8);
            for (int b = 0; b < bytes.length; b++) {
              if (bytes[b] == 0) {
                bytes[b] = (byte) (0x80 + random.nextInt(0x40));
              }
            }
            status = Fixtures.post(port, "/v1/streams/corpus", bytes, "Authorization", auth).statusCode();
          }
          case 5 -> status = Fixtures.post(port, "/v1/streams/corpus", "{\"schema\":\"Order:1\",\"data\":{\"id\":"
              + random.nextInt() + ",\"qty\":\"many\"}}", "Authorization", auth).statusCode();
          case 6 -> status = Fixtures.post(port, "/v1/streams/corpus", valid.replace("Order:1", "Order:" + (2 + i)),
              "Authorization", auth).statusCode();
          case 7 -> status = Fixtures.post(port, "/v1/streams/corpus", valid.replace(id, "x".repeat(70_000)),
              "Authorization", auth).statusCode();
          case 8 -> status = Fixtures.post(port, "/v1/streams/corpus", valid,
              "Authorization", random.nextBoolean() ? "Bearer wrong-" + i : "Basic !!!").statusCode();
          case 9 -> status = Fixtures.post(port, "/v1/streams/other", valid, "Authorization", auth).statusCode();
          case 10 -> status = Fixtures.post(port, "/v1/streams/corpus", valid, "Authorization", auth,
              "Content-Type", random.nextBoolean() ? "text/plain" : "application/xml").statusCode();
          case 11 -> {
            r = Fixtures.post(port, "/v1/streams/corpus/batch", "[" + valid + ",{\"schema\":\"Order:1\",\"data\":{}},"
                + "\"nope\"]", "Authorization", auth);
            status = r.statusCode();
            if (status == 200 && IngressTest.json(r).at("/results/0/offset").isNumber()) {
              expected.add(id);
            }
          }
          case 12 -> status = i % 28 == 12
              ? Fixtures.post(port, "/v1/streams/corpus", Fixtures.gzip(new byte[5_000_000]), "Authorization", auth,
                  "Content-Encoding", "gzip").statusCode()
              : Fixtures.post(port, "/v1/streams/corpus", valid.getBytes(StandardCharsets.UTF_8), "Authorization",
                  auth, "Content-Encoding", "gzip").statusCode();
          default -> status = raw(port, i, valid);
        }
        statuses.merge(status, 1, Integer::sum);
        assertTrue(status < 500, "request " + i + " (kind " + kind + ") answered " + status);
      }
      assertEquals(200, Fixtures.get(port, "/v1/openapi.json").statusCode(), "still up");
      assertEquals(201, Fixtures.post(port, "/v1/streams/corpus", Fixtures.order("last", 1), "Authorization",
          "Bearer " + TOKEN).statusCode());
      expected.add("last");
    }
    System.out.println("corpus statuses: " + statuses + ", valid messages: " + expected.size());
    assertTrue(statuses.keySet().containsAll(Set.of(201, 200, 400, 401, 403, 413, 415, 422)), statuses.toString());
    String topic = kafka.topic("corpus");
    assertEquals(expected.size(), endOffsets(kafka, topic), "the topic holds exactly the valid messages");
    List<ConsumerRecord<byte[], byte[]>> stored = kafka.readAll(topic, expected.size(), Duration.ofSeconds(30));
    Set<String> ids = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> c : stored) {
      ids.add(IngressTest.json(new String(c.value(), StandardCharsets.UTF_8)).at("/data/id").asText());
    }
    assertEquals(expected, ids);
  }

  private static long endOffsets(TestKafka kafka, String topic) throws Exception {
    try (Admin admin = Admin.create(kafka.adminConfig())) {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }
  }

  /** A request on a raw socket: a cut-off body, a lying Content-Length, or garbage instead of HTTP. */
  private static int raw(int port, int i, String valid) throws Exception {
    byte[] body = valid.getBytes(StandardCharsets.UTF_8);
    String head = "POST /v1/streams/corpus HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
        + "\r\nContent-Type: application/json\r\n";
    byte[] request = switch (i % 3) {
      case 0 -> (head + "Content-Length: " + (body.length + 50) + "\r\n\r\n" + valid).getBytes(StandardCharsets.UTF_8);
      case 1 -> (head + "Content-Length: abc\r\n\r\n" + valid).getBytes(StandardCharsets.UTF_8);
      default -> ("\u0001\u0002 GARBAGE / HTTP/9.9\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    };
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.ISO_8859_1);
      if (text.isEmpty()) {
        return 499;
      }
      assertTrue(text.startsWith("HTTP/1.1 "), text);
      return Integer.parseInt(text.substring(9, 12));
    }
  }
}
