package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.worker.testing.TestClassPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterProbeTest {
  @Test
  @KafkaTest
  void aRunningClusterAnswersWithItsIdAndBrokers(TestKafka kafka) {
    ClusterProbe.Cluster cluster = ClusterProbe.check(kafka.bootstrapServers(), Map.of("client.id", "probe-test"),
        Duration.ofSeconds(10));
    assertFalse(cluster.id().isBlank());
    assertTrue(cluster.brokers() >= 1, cluster::toString);
  }

  @Test
  void aSilentPortFailsWithinTheTimeoutNamingTheServers() {
    String servers = "127.0.0.1:" + TestClassPath.freePort();
    long start = System.nanoTime();
    WorkerException e = assertThrows(WorkerException.class,
        () -> ClusterProbe.check(servers, Map.of(), Duration.ofMillis(1500)));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 6_000, "bounded by the timeout");
    assertEquals(ExitCode.FAILURE, e.exitCode());
    assertTrue(e.getMessage().startsWith("cannot reach Kafka at " + servers + " within 1500ms (no answer"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void settingsTheClientRefusesAreReportedWithoutTheirValues() {
    WorkerException e = assertThrows(WorkerException.class, () -> ClusterProbe.check("localhost:9092",
        Map.of("security.protocol", "NOPE", "ssl.key.password", "hunter2-secret"), Duration.ofSeconds(1)));
    assertTrue(e.getMessage().startsWith("cannot reach Kafka at localhost:9092"), e.getMessage());
    assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    assertFalse(Secrets.mask(e.getMessage()).contains("hunter2-secret"), e.getMessage());
  }
}
