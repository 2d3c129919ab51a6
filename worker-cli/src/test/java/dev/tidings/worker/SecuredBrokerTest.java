package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.testkit.EmbeddedKafka;
import dev.tidings.testkit.SecureListener;
import dev.tidings.testkit.TopicReader;
import dev.tidings.testkit.Wait;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.fixtures.GreetingRegistration;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.TestClassPath;
import dev.tidings.worker.testing.WorkerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker and {@code worker publish} against a broker that takes SASL_SSL with SCRAM-SHA-512 only on the port
 * they are given: right credentials work, and each wrong one gives one clear line and exit 1 within 60 s. The real
 * secrets are searched for in everything printed, logged and served.
 */
class SecuredBrokerTest {
  private static final String USER = "worker-user";
  private static final String PASSWORD = "scram-pw-5d1e9";
  private static final Duration FAIL_WITHIN = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmbeddedKafka kafka;
  private static SecureListener secure;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.builder().scramUser(USER, PASSWORD).start();
    secure = kafka.secureListener();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void publishWorksWithTheRightCredentials() throws Exception {
    Cli.Result r = Cli.run("--kafka-servers", secure.bootstrapServers(), "--kafka-settings",
        settings(secure.clientSettings(USER)), "--topic-prefix", "pub.", "publish", "--schema", "Greeting:1",
        "greetings", "{\"text\":\"secured\",\"count\":1}");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("published to pub.greetings partition 0 offset 0\n", r.out());
    List<ConsumerRecord<byte[], byte[]>> stored = TopicReader.readAll(kafka.bootstrapServers(), "pub.greetings", 1,
        Duration.ofSeconds(30));
    assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"secured\",\"count\":1}}",
        new String(stored.get(0).value(), StandardCharsets.UTF_8));
    assertNoSecret(r.all());
  }

  @Test
  void theWorkerRunsWithTheRightCredentialsAndShowsNoSecretAnywhere() throws Exception {
    int port = TestClassPath.freePort();
    String group = "secured-greeter";
    try (WorkerProcess worker = WorkerProcess.start(Map.of("tidings.test.group", group), Map.of(),
        "--kafka-servers", secure.bootstrapServers(), "--kafka-settings", settings(secure.clientSettings(USER)),
        "--topic-prefix", "run.", "--http-port", Integer.toString(port), "--shutdown-timeout", "10s",
        "dev.tidings.worker.fixtures.GreeterApp")) {
      worker.await("Worker running\\.", Duration.ofSeconds(90));
      Wait.until(() -> status("http://127.0.0.1:" + port + "/health/ready") == 200, Duration.ofSeconds(90),
          "the secured subscription to join its group");
      try (Application app = Application.create(ApplicationOptions.builder().kafkaServers(secure.bootstrapServers())
          .kafkaSettings(Map.copyOf(secure.clientSettings(USER))).topicPrefix("run.").build())) {
        app.mount(new Router().schema(GreetingRegistration.schema()));
        app.publishAndWait("greetings", new Greeting("over-tls", 1));
      }
      worker.await("handled greeting over-tls #1 from run.greetings", Duration.ofSeconds(60));
      String health = get("http://127.0.0.1:" + port + "/health/ready");
      String live = get("http://127.0.0.1:" + port + "/health/live");
      String metrics = get("http://127.0.0.1:" + port + "/metrics");
      assertTrue(metrics.contains("tidings_messages_consumed_total{group=\"" + group), metrics);
      int exit = worker.terminate(Duration.ofSeconds(60));
      String output = worker.output();
      assertEquals(0, exit, output);
      assertTrue(output.contains("sasl.jaas.config=******"), output);
      assertTrue(output.contains("greeter app started with settings {"), output);
      assertNoSecret(output);
      assertNoSecret(health + live);
      assertNoSecret(metrics);
    }
  }

  @Test
  void theIngressPublishesToTheSecuredBrokerAndShowsNoSecret() throws Exception {
    int port = TestClassPath.freePort();
    try (WorkerProcess worker = WorkerProcess.start(Map.of(), Map.of(),
        "--kafka-servers", secure.bootstrapServers(), "--kafka-settings", settings(secure.clientSettings(USER)),
        "--topic-prefix", "ing.", "--http-port", Integer.toString(port), "--shutdown-timeout", "10s",
        "--ingress", "--ingress-auth", "none", "dev.tidings.worker.fixtures.GreeterApp")) {
      worker.await("Worker running\\.", Duration.ofSeconds(90));
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/v1/streams/greetings")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"via-ingress\","
              + "\"count\":1}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r::body);
      assertEquals("ing.greetings", JSON.readTree(r.body()).path("topic").asText(), r.body());
      List<ConsumerRecord<byte[], byte[]>> stored = TopicReader.readAll(kafka.bootstrapServers(), "ing.greetings", 1,
          Duration.ofSeconds(30));
      assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"via-ingress\",\"count\":1}}",
          new String(stored.get(0).value(), StandardCharsets.UTF_8));
      String openapi = get("http://127.0.0.1:" + port + "/v1/openapi.json");
      String health = get("http://127.0.0.1:" + port + "/health");
      assertEquals(0, worker.terminate(Duration.ofSeconds(60)), worker.output());
      assertNoSecret(worker.output());
      assertNoSecret(r.body() + openapi + health);
    }
  }

  @Test
  void aWrongPasswordGivesOneLineAndExit1() throws Exception {
    Map<String, String> wrong = secure.clientSettings(USER, "wrong-pw-0a8c2", secure.truststore());
    String line = failsInOneLine(wrong, "wrong-pw-0a8c2");
    assertTrue(line.contains("Kafka at " + secure.bootstrapServers() + " refused the SASL authentication"), line);
    assertTrue(line.contains("sasl.jaas.config"), line);
  }

  @Test
  void aTruststoreWithoutTheBrokersCertificateGivesOneLineAndExit1() throws Exception {
    Map<String, String> wrong = secure.clientSettings(USER, PASSWORD, secure.untrustedTruststore());
    String line = failsInOneLine(wrong, PASSWORD);
    assertTrue(line.contains("the TLS handshake with Kafka at " + secure.bootstrapServers() + " failed"), line);
    assertTrue(line.contains("ssl.truststore.location"), line);
  }

  @Test
  void plaintextAgainstTheTlsPortGivesOneLineAndExit1() throws Exception {
    String line = failsInOneLine(Map.of("client.id", "plain-client"), PASSWORD);
    assertTrue(line.contains(secure.bootstrapServers() + " speaks TLS"), line);
    assertTrue(line.contains("security.protocol"), line);
  }

  @Test
  void publishWithAWrongPasswordGivesOneLineAndExit1InThisJvm() throws Exception {
    long start = System.nanoTime();
    Cli.Result r = Cli.run("--kafka-servers", secure.bootstrapServers(), "--kafka-settings",
        settings(secure.clientSettings(USER, "wrong-pw-77e1f", secure.truststore())), "publish", "--schema",
        "Greeting:1", "greetings", "{\"text\":\"x\",\"count\":1}");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(FAIL_WITHIN) < 0, r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertTrue(r.err().contains("refused the SASL authentication"), r::toString);
    assertFalse(r.all().contains("wrong-pw-77e1f"), r::toString);
    assertNoSecret(r.all());
  }

  /**
   * Runs the worker in a child JVM with the worker's own logging, so that what Kafka's clients log counts too, and
   * returns its one error line.
   */
  private static String failsInOneLine(Map<String, String> clientSettings, String... secrets) throws Exception {
    long start = System.nanoTime();
    try (WorkerProcess worker = WorkerProcess.start(Map.of(), Map.of(), "--kafka-servers",
        secure.bootstrapServers(), "--kafka-settings", settings(clientSettings), "--connect-timeout", "10s")) {
      int exit = worker.waitFor(FAIL_WITHIN);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String output = worker.output();
      assertEquals(1, exit, output);
      assertTrue(took.compareTo(FAIL_WITHIN) < 0, "took " + took + ": " + output);
      List<String> lines = output.lines().filter(l -> !l.startsWith("Kafka settings: ")).toList();
      assertEquals(1, lines.size(), "one line besides the settings: " + output);
      assertTrue(lines.get(0).startsWith("error: "), output);
      for (String secret : secrets) {
        assertFalse(output.contains(secret), output);
      }
      assertNoSecret(output);
      return lines.get(0);
    }
  }

  private static String settings(Map<String, String> settings) throws JsonProcessingException {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.remove("bootstrap.servers");
    return JSON.writeValueAsString(copy);
  }

  private static void assertNoSecret(String text) {
    for (String secret : secure.secrets()) {
      assertFalse(text.contains(secret), () -> "the secret " + secret.charAt(0) + "... appears in:\n" + text);
    }
  }

  private int status(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

}
