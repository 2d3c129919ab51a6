package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tidings.worker.testing.WorkerProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker as shipped: {@code bin/worker} and {@code target/tidings-worker-<version>-all.jar}
 * (runs after {@code package}), and the quick start on the examples jar when it has been built.
 */
class PackagedWorkerIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path SCRIPT = MODULE.resolve("bin/worker");
  private static final String VERSION = System.getProperty("project.version", "0.1.0-SNAPSHOT");
  private static final Path JAR = MODULE.resolve("target/tidings-worker-" + VERSION + "-all.jar");
  private static final Path EXAMPLES = MODULE.resolve("../examples/target/tidings-examples-" + VERSION + ".jar")
      .normalize();

  @TempDir
  Path dir;

  @Test
  void theScriptRunsTheJarWithItsManifestVersion() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by package");
    try (WorkerProcess worker = WorkerProcess.launch(List.of(SCRIPT.toString(), "--version"), Map.of())) {
      assertEquals(0, worker.waitFor(Duration.ofSeconds(60)), worker.output());
      assertTrue(worker.output().startsWith("tidings-worker " + VERSION + "\n"), worker.output());
    }
  }

  @Test
  void theQuickStartShowsTheExampleShopsMessagesAndStopsOnSigterm() throws Exception {
    assumeTrue(Files.isRegularFile(EXAMPLES), "the examples jar is built before this module in a full build");
    Path classes = Files.createDirectories(dir.resolve("quickstart-classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
        JAR + File.pathSeparator + EXAMPLES,
        MODULE.resolve("src/quickstart/java/dev/tidings/quickstart/ShopQuickStart.java").toString());
    assertEquals(0, rc, "the quick start compiles against the worker and examples jars");

    try (WorkerProcess worker = WorkerProcess.launch(List.of(SCRIPT.toString(), "--dev", "-cp",
        EXAMPLES + File.pathSeparator + classes, "dev.tidings.quickstart.ShopQuickStart"),
        Map.of("JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"))) {
      worker.await("Kafka dev broker running at 127\\.0\\.0\\.1:\\d+", Duration.ofSeconds(90));
      worker.await("flow - orders\\.(eu|us) +OrderPlaced:1 +\\{\"orderId\":\"o-1\"", Duration.ofSeconds(90));
      worker.await("flow - invoices +InvoiceIssued:1 ", Duration.ofSeconds(60));
      worker.await("flow - orders\\.(eu|us) +OrderShipped:1 ", Duration.ofSeconds(60));
      worker.await("ExampleExecutions - job-\\d+ [A-Z]+ \\[.*\\] = [0-9.E-]+ \\(by ", Duration.ofSeconds(60));
      assertEquals(0, worker.terminate(Duration.ofSeconds(60)), worker.output());
      assertTrue(worker.output().contains("Stopped."), worker.output());
    }
  }
}
