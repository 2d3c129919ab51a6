package dev.tidings.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tidings.Application;
import dev.tidings.ConfigurationException;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a PKCS12 key store; h2c on plain ports. */
@KafkaTest
class TlsTest {
  static Path keyStore(Path dir) throws Exception {
    Path file = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertEquals(true, keytool.waitFor(60, TimeUnit.SECONDS), "keytool finished");
    assertEquals(0, keytool.exitValue(), out);
    return file;
  }

  @Test
  void theIngressServesHttpsWithAPkcs12KeyStore(TestKafka kafka, @TempDir Path dir) throws Exception {
    Path store = keyStore(dir);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      trust.load(in, "changeit".toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    try (Application app = Fixtures.app(kafka);
        Ingress ingress = Ingress.builder(app).auth(Authenticator.none()).tls(store, "changeit").start()) {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(
              URI.create("https://127.0.0.1:" + ingress.port() + "/v1/streams/secure"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Fixtures.order("o-1", 1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r::body);
      assertEquals(1, kafka.readAll(kafka.topic("secure"), 1, Duration.ofSeconds(30)).size());
    }
    ConfigurationException wrong = assertThrows(ConfigurationException.class, () -> TidingsHttpServer.builder()
        .tls(store, "wrong").route("/", "text/plain", () -> new byte[0]).start());
    assertEquals(true, wrong.getMessage().startsWith("cannot serve HTTP on port 0: "), wrong.getMessage());
  }

  @Test
  void plainPortsSpeakH2c() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    try (TidingsHttpServer server = TidingsHttpServer.builder()
        .route("/hello", "text/plain", () -> "hi".getBytes()).start()) {
      HttpResponse<String> r = h2.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals("hi", r.body());
      assertEquals(HttpClient.Version.HTTP_2, r.version(), "upgraded to h2c");
    }
  }
}
