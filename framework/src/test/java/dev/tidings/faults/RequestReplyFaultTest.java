package dev.tidings.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Telemetry;
import dev.tidings.testkit.KafkaExtension;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two serving worker processes in one group answer requests; one is killed with SIGKILL mid-run.
 * Every request must still get its own reply (a request the killed worker handled but did not
 * commit is answered again by the survivor; the caller keeps the first and counts the duplicate).
 */
@ExtendWith(KafkaExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RequestReplyFaultTest {
  private static final int N = 2_000;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void oneOfTwoServingWorkersKilledMidRunLosesNoRequest(TestKafka kafka, @TempDir Path dir) throws Exception {
    String group = "served-" + kafka.topicPrefix();
    Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    Telemetry telemetry = new Telemetry() {
      @Override
      public void replyDropped(String replyStream, String reason) {
        dropped.computeIfAbsent(reason, r -> new LongAdder()).increment();
      }
    };
    ApplicationOptions options = ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
        .topicPrefix(kafka.topicPrefix()).partitions(6).telemetry(telemetry).maxPendingRequests(N + 100).build();
    Process first = null;
    Process second = null;
    try (Application client = Application.create(options).mount(Msg.router())) {
      // The stream exists with its partitions before the workers subscribe.
      client.publishAndWait("served", new Msg(0, "create"));
      first = start(kafka, group, "w1", dir.resolve("w1.log"));
      second = start(kafka, group, "w2", dir.resolve("w2.log"));
      Set<String> seen = ConcurrentHashMap.newKeySet();
      long warmId = 1_000_000;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (seen.size() < 2 && System.nanoTime() < deadline) {
        List<CompletableFuture<Msg>> warm = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          warm.add(client.request("served", new Msg(warmId++, null), key(warmId), Msg.class, WAIT));
        }
        for (CompletableFuture<Msg> f : warm) {
          seen.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS).note());
        }
      }
      assertEquals(Set.of("w1", "w2"), seen, "both workers serve the group before the run");

      List<CompletableFuture<Msg>> futures = new ArrayList<>(N);
      LongAdder answered = new LongAdder();
      for (int i = 0; i < N; i++) {
        CompletableFuture<Msg> f = client.request("served", new Msg(i, null), key(i), Msg.class, WAIT);
        f.thenRun(answered::increment);
        futures.add(f);
      }
      Wait.until(() -> answered.sum() >= N / 4, WAIT, "a quarter of the requests to be answered");
      first.destroyForcibly();
      assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed worker exits");
      long atKill = answered.sum();
      Map<String, Integer> byWorker = new TreeMap<>();
      for (int i = 0; i < N; i++) {
        Msg reply = futures.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(i, reply.id(), "request " + i + " got the reply of another request");
        byWorker.merge(reply.note(), 1, Integer::sum);
      }
      System.out.println("request/reply with SIGKILL after " + atKill + " of " + N + " answered: replies by worker "
          + byWorker + ", duplicates/unknown dropped " + dropped);
      assertEquals(N, byWorker.values().stream().mapToInt(Integer::intValue).sum());
      assertTrue(byWorker.getOrDefault("w2", 0) > 0, "the surviving worker answered: " + byWorker);
    } finally {
      for (Process p : new Process[] {first, second}) {
        if (p != null && p.isAlive()) {
          p.destroy();
          p.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static byte[] key(long i) {
    return Long.toString(i).getBytes(StandardCharsets.UTF_8);
  }

  private static Process start(TestKafka kafka, String group, String name, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        RequestWorker.class.getName(), kafka.bootstrapServers(), kafka.topicPrefix(), "served", group, name)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
