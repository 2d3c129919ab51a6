package dev.tidings.ingress;

import static dev.tidings.ingress.Fixtures.order;
import static dev.tidings.ingress.Fixtures.post;
import static dev.tidings.ingress.IngressTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaTest
class AuthTest {
  static String sha256(String secret) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
  }

  static Path credentials(Path dir) throws Exception {
    Path file = dir.resolve("credentials");
    Files.writeString(file, "# kind principal hash streams\n"
        + "token  lineage " + sha256("secret-token-1") + " openlineage,orders.*\n"
        + "basic  shop    " + sha256("shop-password") + " orders\n");
    return file;
  }

  @Test
  void tokensAndBasicUsersPublishToTheirStreamsOnlyAndThePrincipalIsAHeader(TestKafka kafka, @TempDir Path dir)
      throws Exception {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.credentialsFile(credentials(dir))).start()) {
      int port = ingress.port();
      HttpResponse<String> none = post(port, "/v1/streams/orders", order("o-1", 1));
      assertError(none, 401, "unauthorized", "credentials are required", false);
      assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
      assertError(post(port, "/v1/streams/orders", order("o-1", 1), "Authorization", "Bearer wrong"), 401,
          "unauthorized", "the credentials are not valid", false);
      assertError(post(port, "/v1/streams/orders", order("o-1", 1), "Authorization", "Basic "
          + basic("lineage", "secret-token-1")), 401, "unauthorized", "the credentials are not valid", false);
      assertError(post(port, "/v1/streams/invoices", order("o-1", 1), "Authorization", "Bearer secret-token-1"),
          403, "forbidden", "principal 'lineage' may not publish to stream 'invoices'", false);
      assertError(post(port, "/v1/streams/orders.eu", order("o-1", 1), "Authorization", "Basic "
          + basic("shop", "shop-password")), 403, "forbidden", "principal 'shop' may not publish", false);

      HttpResponse<String> token = post(port, "/v1/streams/orders.eu", order("o-1", 1),
          "Authorization", "Bearer secret-token-1", "Tidings-Header-tidings.principal", "forged");
      assertEquals(201, token.statusCode(), token::body);
      HttpResponse<String> user = post(port, "/v1/streams/orders", order("o-2", 1),
          "Authorization", "Basic " + basic("shop", "shop-password"));
      assertEquals(201, user.statusCode(), user::body);
      ConsumerRecord<byte[], byte[]> eu = kafka.readAll(kafka.topic("orders.eu"), 1, Duration.ofSeconds(30)).get(0);
      assertEquals("lineage", Fixtures.header(eu, "tidings.principal"), "the client cannot forge the principal");
      ConsumerRecord<byte[], byte[]> shop = kafka.readAll(kafka.topic("orders"), 1, Duration.ofSeconds(30)).get(0);
      assertEquals("shop", Fixtures.header(shop, "tidings.principal"));
    }
  }

  @Test
  void overTheRateIs429WithRetryAfter(TestKafka kafka) {
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).ratePerSecond(0.001).start()) {
      assertEquals(201, post(ingress.port(), "/v1/streams/rated", order("o-1", 1)).statusCode());
      HttpResponse<String> limited = post(ingress.port(), "/v1/streams/rated", order("o-2", 1));
      assertError(limited, 429, "rate_limited", "principal 'anonymous' sends more requests", true);
      assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
    }
  }

  @Test
  void aCustomAuthenticatorDecides(TestKafka kafka) {
    Authenticator apiKey = header -> "k-1".equals(header.apply("X-Api-Key"))
        ? new Principal("custom", java.util.List.of("c.*")) : null;
    try (Application app = Fixtures.app(kafka); Ingress ingress = Ingress.builder(app).auth(apiKey).start()) {
      assertEquals(401, post(ingress.port(), "/v1/streams/c.x", order("o-1", 1)).statusCode());
      assertEquals(201, post(ingress.port(), "/v1/streams/c.x", order("o-1", 1), "X-Api-Key", "k-1").statusCode());
      assertEquals(403, post(ingress.port(), "/v1/streams/d", order("o-1", 1), "X-Api-Key", "k-1").statusCode());
    }
  }

  @Test
  void aMalformedCredentialsFileNamesTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad");
    Files.writeString(file, "# ok\ntoken lineage abc openlineage\n");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Authenticator.credentialsFile(file));
    assertEquals(file + " line 2 has a hash that is not 64 hex digits: write the SHA-256 of the secret, e.g."
        + " printf %s \"$SECRET\" | sha256sum", e.getMessage());
  }

  static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
