package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
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
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The worker as operators run it: a child JVM, stopped with SIGTERM. */
class WorkerProcessTest {
  private static final Duration START = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(60);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @KafkaTest
  void runsOnAClusterServesHealthAndMetricsAndStopsGracefullyOnSigterm(TestKafka kafka) throws Exception {
    String group = kafka.topic("greeter");
    int port = TestClassPath.freePort();
    String settings = "{\"ssl.key.password\":\"hunter2-secret\",\"client.id\":\"visible-client\"}";
    try (WorkerProcess worker = WorkerProcess.start(Map.of("tidings.test.group", group),
        Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "TIDINGS_HTTP_PORT", Integer.toString(port)),
        "--topic-prefix", kafka.topicPrefix(), "--kafka-settings", settings,
        "dev.tidings.worker.fixtures.GreeterApp")) {
      worker.await("Worker running\\.", START);
      Wait.until(() -> status("http://127.0.0.1:" + port + "/health/ready") == 200, START,
          "the subscription to join its group");
      Cli.Result probe = Cli.run("--http-port", Integer.toString(port), "healthcheck");
      assertEquals(0, probe.exitCode(), probe::toString);

      try (Application app = publisher(kafka.bootstrapServers(), kafka.topicPrefix())) {
        for (int i = 1; i <= 3; i++) {
          app.publishAndWait("greetings", new Greeting("hello", i));
        }
      }
      worker.await("handled greeting hello #3 from " + kafka.topic("greetings"), START);

      String lag = "tidings_consumer_lag{group=\"" + group + "\",partition=\"0\",topic=\"" + kafka.topic("greetings")
          + "\"} 0.0";
      Wait.until(() -> get("http://127.0.0.1:" + port + "/metrics").contains(lag), START, "the lag gauge");
      String metrics = get("http://127.0.0.1:" + port + "/metrics");
      assertTrue(metrics.contains("tidings_messages_consumed_total{group=\"" + group
          + "\",outcome=\"handled\",stream=\"greetings\"} 3.0"), metrics);
      assertTrue(metrics.contains("tidings_health_ready 1.0"), metrics);
      String health = get("http://127.0.0.1:" + port + "/health/ready");
      assertTrue(health.contains("\"group\":\"" + group + "\",\"target\":\"greetings\",\"state\":\"RUNNING\""), health);

      long stopping = System.nanoTime();
      int exit = worker.terminate(STOP);
      String output = worker.output();
      assertEquals(0, exit, output);
      assertTrue(Duration.ofNanos(System.nanoTime() - stopping).compareTo(Duration.ofSeconds(30)) < 0, output);
      assertTrue(output.contains("Stopped."), output);
      assertEquals(Long.valueOf(3), kafka.committedOffsets(kafka.topicPrefix() + group).get(new TopicPartition(kafka.topic("greetings"), 0)),
          "every handled greeting committed on the way out");

      assertTrue(output.contains("Kafka settings: client.id=visible-client, ssl.key.password=******"), output);
      assertTrue(output.contains("greeter app started with settings {"), "the app logged its settings: " + output);
      assertFalse(output.contains("hunter2-secret"), output);
      assertEquals(1, Cli.run("healthcheck", "--url", "http://127.0.0.1:" + port + "/health/ready").exitCode(),
          "nothing answers after the stop");
    }
  }

  @Test
  void devModeRunsTheApplicationOnAnEmbeddedBroker() throws Exception {
    try (WorkerProcess worker = WorkerProcess.start(Map.of(), Map.of(), "--dev", "--topic-prefix", "dev.")) {
      Matcher address = worker.await("Kafka dev broker running at (127\\.0\\.0\\.1:\\d+)", START);
      worker.await("Worker running\\.", START);
      try (Application app = publisher(address.group(1), "dev.")) {
        app.publishAndWait("greetings", new Greeting("from-dev", 1));
      }
      worker.await("handled greeting from-dev #1 from dev.greetings", START);
      int exit = worker.terminate(STOP);
      assertEquals(0, exit, worker.output());
      assertTrue(worker.output().contains("Stopped."), worker.output());
    }
  }

  @Test
  void anUnreachableBrokerFailsFastWithOneLine() throws Exception {
    int port = TestClassPath.freePort();
    long start = System.nanoTime();
    try (WorkerProcess worker = WorkerProcess.start(Map.of(), Map.of(), "--kafka-servers",
        "127.0.0.1:" + port + ",localhost:" + port)) {
      int exit = worker.waitFor(Duration.ofSeconds(30));
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      String output = worker.output();
      assertEquals(1, exit, output);
      assertTrue(seconds < 20, "took " + seconds + " s: " + output);
      assertTrue(output.contains("error: cannot reach Kafka at 127.0.0.1:" + port + ",localhost:" + port
          + " within 10s ("), output);
      assertFalse(output.contains("\tat "), "no stack trace: " + output);
      assertEquals(1, output.lines().filter(l -> l.contains("error")).count(), output);
    }
  }

  private static Application publisher(String servers, String prefix) {
    Application app = Application.create(ApplicationOptions.builder().kafkaServers(servers).topicPrefix(prefix)
        .build());
    app.mount(new Router().schema(GreetingRegistration.schema()));
    return app;
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

  private String get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
