package dev.tidings.examples;

import static dev.tidings.examples.Apps.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.RemoteFailureException;
import dev.tidings.Router;
import dev.tidings.examples.ExecutionRequest.Operation;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Execution over Kafka: {@link Executor}'s generated registration answers {@link ExecutionRequest}s
 * with {@link ExecutionResult}s through {@code Application.request}.
 */
@ExtendWith(KafkaExtension.class)
class ExecutorTest {
  private static Application executors(TestKafka kafka, String name) {
    Router router = new Router().provide(Executor.class, () -> new Executor(name))
        .registerDiscovered(ExecutorTest.class.getClassLoader());
    return Application.create(options(kafka)).mount(router).start();
  }

  private static Application caller(TestKafka kafka) {
    return Application.create(options(kafka)).mount(new Router().registerDiscovered(
        ExecutorTest.class.getClassLoader()));
  }

  /** Four partitions, so that two executors in the group each get some. */
  private static dev.tidings.ApplicationOptions options(TestKafka kafka) {
    return Apps.options(kafka).toBuilder().partitions(4).build();
  }

  private static byte[] key(ExecutionRequest request) {
    return request.jobId().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void requestsAreAnsweredWithTheirOwnResults(TestKafka kafka) throws Exception {
    try (Application server = executors(kafka, "executor-1"); Application client = caller(kafka)) {
      ExecutionRequest sum = new ExecutionRequest("job-1", Operation.SUM, List.of(1.0, 2.0, 3.5));
      ExecutionResult result = client.request("executions", sum, key(sum), ExecutionResult.class, WAIT)
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(new ExecutionResult("job-1", Operation.SUM, 6.5, 3, "executor-1"), result);

      List<CompletableFuture<ExecutionResult>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        ExecutionRequest r = new ExecutionRequest("job-p" + i, Operation.PRODUCT, List.of((double) i, 2.0));
        futures.add(client.request("executions", r, key(r), ExecutionResult.class, WAIT));
      }
      for (int i = 0; i < 50; i++) {
        ExecutionResult r = futures.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("job-p" + i, r.jobId());
        assertEquals(2.0 * i, r.value());
      }
    }
  }

  @Test
  void aRequestTheExecutorCannotRunFailsWithItsMessage(TestKafka kafka) throws Exception {
    try (Application server = executors(kafka, "executor-1"); Application client = caller(kafka)) {
      ExecutionRequest empty = new ExecutionRequest("job-0", Operation.MEAN, List.of());
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> client.request("executions", empty, key(empty), ExecutionResult.class, WAIT)
              .get(WAIT.toSeconds(), TimeUnit.SECONDS));
      RemoteFailureException failure = assertInstanceOf(RemoteFailureException.class, e.getCause());
      assertEquals("MEAN of no operands: send at least one", failure.failure().message());
      assertEquals(2, failure.failure().attempts(), "maxAttempts = 2 on the executor");
      List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(kafka.topic("executions.dlt"), 1, WAIT);
      assertEquals("job-0", new String(dead.get(0).key(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aPlainPublishIsAnsweredOnTheDefaultResultStream(TestKafka kafka) {
    try (Application server = executors(kafka, "executor-1"); Application client = caller(kafka)) {
      ExecutionRequest max = new ExecutionRequest("job-7", Operation.MAX, List.of(4.0, 9.0));
      client.publish("executions", max, key(max)).join();
      List<ConsumerRecord<byte[], byte[]>> results = kafka.readAll(kafka.topic("execution.results"), 1, WAIT);
      assertEquals("{\"schema\":\"ExecutionResult:1\",\"data\":{\"jobId\":\"job-7\",\"operation\":\"MAX\","
          + "\"value\":9.0,\"operands\":2,\"executor\":\"executor-1\"}}",
          new String(results.get(0).value(), StandardCharsets.UTF_8));
      assertEquals("job-7", new String(results.get(0).key(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void twoExecutorsShareTheRequests(TestKafka kafka) throws Exception {
    try (Application first = executors(kafka, "executor-1"); Application second = executors(kafka, "executor-2");
        Application client = caller(kafka)) {
      Set<String> executors = new HashSet<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      int n = 0;
      while (executors.size() < 2 && System.nanoTime() < deadline) {
        List<CompletableFuture<ExecutionResult>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++, n++) {
          ExecutionRequest r = new ExecutionRequest("job-" + n, Operation.SUM, List.of(1.0));
          futures.add(client.request("executions", r, key(r), ExecutionResult.class, WAIT));
        }
        for (CompletableFuture<ExecutionResult> f : futures) {
          executors.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).executor());
        }
      }
      assertTrue(executors.containsAll(Set.of("executor-1", "executor-2")), "both answered: " + executors);
    }
  }
}
