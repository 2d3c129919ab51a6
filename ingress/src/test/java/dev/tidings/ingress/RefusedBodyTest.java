package dev.tidings.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests refused while their bodies are still being sent (over the size limit, a gzip bomb, bad
 * credentials), many a second: each gets its 4xx, and the connection goes on carrying the next
 * requests. On HTTP/1.1 it stays open (no {@code Connection: close}); on h2c the session is not
 * ended: Jetty ends a session with GOAWAY when streams are reset faster than its rate control
 * allows, and a refused body left unread resets its stream.
 */
@KafkaTest
class RefusedBodyTest {
  private static final String TOKEN = "refused-token-0123456789";
  private static final int ROUNDS = 150;

  @Test
  void overHttp11EveryRefusalIsAnsweredAndTheConnectionStaysOpen(TestKafka kafka, @TempDir Path dir)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    refusalsThenValid(kafka, dir, client, HttpClient.Version.HTTP_1_1, "h1");
  }

  @Test
  void overH2cEveryRefusalIsAnsweredAndTheSessionCarriesOn(TestKafka kafka, @TempDir Path dir) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
        .connectTimeout(Duration.ofSeconds(10)).build();
    refusalsThenValid(kafka, dir, client, HttpClient.Version.HTTP_2, "h2");
  }

  private static void refusalsThenValid(TestKafka kafka, Path dir, HttpClient client, HttpClient.Version version,
      String stream) throws Exception {
    Path credentials = dir.resolve("credentials");
    Files.writeString(credentials, "token refused " + AuthTest.sha256(TOKEN) + " " + stream + "\n");
    Set<String> expected = new HashSet<>();
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.credentialsFile(credentials))
            .maxBodyBytes(64 * 1024).start()) {
      String url = "http://127.0.0.1:" + ingress.port();
      // A GET upgrades the JDK client's connection to h2c (it does not upgrade with a body).
      HttpResponse<String> index = client.send(HttpRequest.newBuilder(URI.create(url + "/v1/openapi.json")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(version, index.version());
      byte[] oversized = Fixtures.order("x".repeat(70_000), 1).getBytes(StandardCharsets.UTF_8);
      byte[] bomb = Fixtures.gzip(new byte[5_000_000]);
      String target = url + "/v1/streams/" + stream;
      for (int i = 0; i < ROUNDS; i++) {
        expect(413, version, client, post(target, HttpRequest.BodyPublishers.ofByteArray(oversized), TOKEN), i);
        // without a Content-Length (chunked on HTTP/1.1): the limit is found while reading
        expect(413, version, client, post(target, HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofByteArray(oversized)), TOKEN), i);
        expect(413, version, client, post(target, HttpRequest.BodyPublishers.ofByteArray(bomb), TOKEN)
            .header("Content-Encoding", "gzip"), i);
        expect(401, version, client, post(target, HttpRequest.BodyPublishers.ofByteArray(oversized),
            "wrong-" + i), i);
        String id = stream + "-" + i;
        expect(201, version, client, post(target, HttpRequest.BodyPublishers.ofString(Fixtures.order(id, 1)),
            TOKEN), i);
        expected.add(id);
      }
    }
    Set<String> stored = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(kafka.topic(stream), expected.size(),
        Duration.ofSeconds(30))) {
      stored.add(IngressTest.json(new String(r.value(), StandardCharsets.UTF_8)).at("/data/id").asText());
    }
    assertEquals(expected, stored, "exactly the valid messages");
  }

  private static HttpRequest.Builder post(String url, HttpRequest.BodyPublisher body, String token) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).POST(body)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
  }

  private static void expect(int status, HttpClient.Version version, HttpClient client, HttpRequest.Builder request,
      int round) throws Exception {
    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String what = "round " + round + ", " + r.request().method() + " answered " + r.statusCode() + " " + r.body();
    assertEquals(status, r.statusCode(), what);
    assertEquals(version, r.version(), what + ": on the same protocol (a new connection would be HTTP/1.1)");
    Optional<String> connection = r.headers().firstValue("Connection");
    assertTrue(connection.isEmpty() || !connection.get().equalsIgnoreCase("close"), what + ": Connection: close");
  }
}
