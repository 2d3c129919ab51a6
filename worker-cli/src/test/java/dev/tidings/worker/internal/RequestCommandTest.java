package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.fixtures.GreetingRegistration;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@KafkaTest
class RequestCommandTest {
  /** Answers a greeting on {@code greeting.requests} with the next count; fails on "boom". */
  private static Application server(TestKafka kafka) {
    Router router = new Router().schema(GreetingRegistration.schema());
    router.subscribe("greeting.requests", "answerer").maxAttempts(1).onRequest(Greeting.class, (greeting, ctx) -> {
      if (greeting.text().equals("boom")) {
        throw new IllegalStateException("cannot greet boom");
      }
      return CompletableFuture.completedFuture(new Greeting(greeting.text() + " back", greeting.count() + 1));
    });
    return Application.create(ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix()).commitInterval(Duration.ofMillis(100)).build()).mount(router).start();
  }

  @Test
  void printsTheReplyEnvelope(TestKafka kafka) {
    try (Application server = server(kafka)) {
      Result r = request(kafka, "greeting.requests", "--schema", "Greeting:1", "--data", "{\"text\":\"hi\",\"count\":1}",
          "--reply", "Greeting:1", "--timeout", "30s", "--key", "k");
      assertEquals(0, r.exitCode(), r::toString);
      assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi back\",\"count\":2}}\n", r.out());
    }
  }

  @Test
  void aFailureReplyExitsWith4AndSaysWhy(TestKafka kafka) {
    try (Application server = server(kafka)) {
      Result r = request(kafka, "greeting.requests", "--data",
          "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"boom\",\"count\":1}}", "--timeout", "30s");
      assertEquals(4, r.exitCode(), r::toString);
      assertTrue(r.err().contains("failed remotely with HANDLER_FAILED: cannot greet boom"), r::toString);
    }
  }

  @Test
  void noReplyInTimeExitsWith5AndInvalidDataWith3(TestKafka kafka) {
    Result timeout = request(kafka, "unserved", "--schema", "Greeting:1", "--data", "{\"text\":\"hi\",\"count\":1}",
        "--timeout", "1s");
    assertEquals(5, timeout.exitCode(), timeout::toString);
    assertTrue(timeout.err().contains("no reply to the request"), timeout::toString);

    Result invalid = request(kafka, "unserved", "--schema", "Greeting:1", "--data", "{\"text\":\"hi\",\"count\":0}");
    assertEquals(3, invalid.exitCode(), invalid::toString);
    assertTrue(invalid.err().contains("/count"), invalid::toString);
  }

  private static Result request(TestKafka kafka, String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "--kafka-servers";
    all[1] = kafka.bootstrapServers();
    all[2] = "--topic-prefix";
    all[3] = kafka.topicPrefix();
    all[4] = "request";
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }
}
