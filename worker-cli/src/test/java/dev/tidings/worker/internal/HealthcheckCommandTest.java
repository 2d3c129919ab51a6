package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Health;
import dev.tidings.ingress.TidingsHttpServer;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import dev.tidings.worker.testing.TestClassPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthcheckCommandTest {
  @Test
  void exitCodeFollowsTheReadyEndpoint() {
    AtomicReference<Health> health = new AtomicReference<>(new Health(true, false, List.of()));
    try (TidingsHttpServer http = HttpPort.start(0, health::get, new Metrics())) {
      String port = Integer.toString(http.port());
      Result starting = Cli.run("--http-port", port, "healthcheck");
      assertEquals(1, starting.exitCode(), starting::toString);
      assertTrue(starting.err().contains("unhealthy: http://127.0.0.1:" + port + "/health/ready answered 503"),
          starting::toString);

      health.set(new Health(true, true, List.of()));
      Result ready = Cli.run("healthcheck", "--url", "http://127.0.0.1:" + port + "/health/ready");
      assertEquals(0, ready.exitCode(), ready::toString);
      assertTrue(ready.out().startsWith("healthy: "), ready::toString);
    }
  }

  @Test
  void nothingListeningIsUnhealthy() {
    Result r = Cli.run("healthcheck", "--url", "http://127.0.0.1:" + TestClassPath.freePort() + "/health/ready",
        "--timeout", "2s");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("unhealthy: cannot reach http://127.0.0.1:"), r::toString);
  }

  @Test
  void withoutUrlOrPortItSaysWhatToPass() {
    Result r = Cli.run("healthcheck");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("no --url and no HTTP port"), r::toString);
  }
}
