package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import dev.tidings.worker.internal.StopSignal;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.TestClassPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The ingress served by the worker: beside the subscriptions (--ingress), and alone (worker ingress). */
class WorkerIngressTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String GREETING = "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}";

  @Test
  @KafkaTest
  void theWorkerServesHealthMetricsAndTheIngressOnOnePort(TestKafka kafka) throws Exception {
    int port = TestClassPath.freePort();
    System.setProperty("tidings.test.group", kafka.topic("greeter"));
    try {
      String out = runUntilStopped(List.of("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix",
          kafka.topicPrefix(), "--http-port", Integer.toString(port), "--ingress", "--ingress-auth", "none"),
          port, "Worker running.", () -> {
            Wait.until(() -> status(get(port, "/health/ready")) == 200, Duration.ofSeconds(60), "ready");
            HttpResponse<String> r = post(port, "/v1/streams/greetings", GREETING);
            assertEquals(201, r.statusCode(), r::body);
            assertTrue(get(port, "/metrics").body().contains("tidings_health_live 1.0"));
            assertEquals(200, status(get(port, "/v1/openapi.json")));
            List<ConsumerRecord<byte[], byte[]>> stored = kafka.readAll(kafka.topic("greetings"), 1,
                Duration.ofSeconds(30));
            assertEquals(GREETING, new String(stored.get(0).value(), StandardCharsets.UTF_8));
          });
      assertTrue(out.contains("WARNING: the HTTP ingress runs without authentication"), out);
      assertTrue(out.contains("ingress POST /v1/streams/{stream}"), out);
    } finally {
      System.clearProperty("tidings.test.group");
    }
  }

  @Test
  @KafkaTest
  void workerIngressRunsTheIngressAloneWithoutSubscriptions(TestKafka kafka) throws Exception {
    int port = TestClassPath.freePort();
    String out = runUntilStopped(List.of("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix",
        kafka.topicPrefix(), "ingress", "--port", Integer.toString(port), "--ingress-auth", "none"), port,
        "Ingress running.", () -> {
          HttpResponse<String> r = post(port, "/v1/streams/greetings", GREETING);
          assertEquals(201, r.statusCode(), r::body);
          assertEquals(200, status(get(port, "/health/ready")), "ready without subscriptions");
          HttpResponse<String> bad = post(port, "/v1/streams/greetings",
              "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"\",\"count\":0}}");
          assertEquals(422, bad.statusCode(), bad::body);
        });
    assertTrue(out.contains("No subscriptions"), out);
    assertEquals(1, kafka.readAll(kafka.topic("greetings"), 1, Duration.ofSeconds(30)).size());
  }

  @Test
  void theIngressNeedsAuthAndAPort() {
    Cli.Result noAuth = Cli.run("--kafka-servers", "127.0.0.1:1", "--http-port", "8080", "--ingress");
    assertEquals(2, noAuth.exitCode(), noAuth::toString);
    assertTrue(noAuth.err().contains("the ingress needs --ingress-auth"), noAuth::toString);
    Cli.Result noPort = Cli.run("--kafka-servers", "127.0.0.1:1", "--ingress", "--ingress-auth", "none");
    assertEquals(2, noPort.exitCode(), noPort::toString);
    assertTrue(noPort.err().contains("--ingress needs an HTTP port"), noPort::toString);
  }

  interface Check {
    void run() throws Exception;
  }

  /** Runs the worker on a thread, runs {@code check} once it printed {@code started}, stops it; its output. */
  private static String runUntilStopped(List<String> args, int port, String started, Check check) throws Exception {
    StopSignal stop = new StopSignal();
    CommandLine line = WorkerCommand.commandLine(new WorkerCommand(stop));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int[] code = {-1};
    List<String> all = new ArrayList<>(List.of("--shutdown-timeout", "10s"));
    all.addAll(args);
    Thread run = new Thread(() -> code[0] = line.execute(all.toArray(String[]::new)), "worker-run");
    try {
      run.start();
      Wait.until(() -> out.toString().contains(started) || !run.isAlive(), Duration.ofSeconds(60),
          "the worker to start");
      assertTrue(run.isAlive(), () -> out + "\n" + err);
      check.run();
    } finally {
      stop.request();
      run.join(60_000);
    }
    assertFalse(run.isAlive(), "the worker stopped");
    assertEquals(0, code[0], () -> out + "\n" + err);
    return out.toString();
  }

  private static int status(HttpResponse<String> r) {
    return r.statusCode();
  }

  private static HttpResponse<String> get(int port, String path) {
    try {
      return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> post(int port, String path, String body) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
