package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.config.TidingsConfig;
import dev.tidings.worker.WorkerCommand;
import dev.tidings.worker.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The root {@code --config FILE} option. */
@dev.tidings.testkit.KafkaTest
class WorkerOptionsConfigTest {
  @Test
  void configFileIsLoadedAndSeenFromSubcommands(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("tidings.yaml"), "transport:\n  type: file\n  path: out.jsonl\n");
    CommandLine line = WorkerCommand.commandLine();
    line.parseArgs("--config", file.toString(), "schemas", "list");
    CommandLine sub = line.getSubcommands().get("schemas");
    TidingsConfig config = WorkerOptions.of(sub.getCommandSpec()).config(sub.getCommandSpec());
    assertEquals(file.toString(), config.source());
    assertEquals("file", config.section("transport").orElseThrow().requireString("type"));
  }

  @Test
  void configAfterASubcommandIsTheSameOption(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("c.properties"), "transport.type=memory\n");
    CommandLine line = WorkerCommand.commandLine();
    line.parseArgs("publish", "--config", file.toString(), "orders", "{}");
    CommandLine sub = line.getSubcommands().get("publish");
    TidingsConfig config = WorkerOptions.of(sub.getCommandSpec()).config(sub.getCommandSpec());
    assertEquals("memory", config.section("transport").orElseThrow().requireString("type"));
  }

  @Test
  void aWrongTransportIsABadOptionAtStart(@TempDir Path dir, dev.tidings.testkit.TestKafka kafka) throws Exception {
    Path file = Files.writeString(dir.resolve("tidings.yaml"), "transport:\n  type: nope\n");
    Cli.Result r = Cli.run("--config", file.toString(), "--kafka-servers", kafka.bootstrapServers(),
        "--topic-prefix", kafka.topicPrefix());
    assertEquals(ExitCode.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("unknown transport type 'nope' in transport (" + file + "); known types: composite,"
        + " console, file, http, kafka, memory"), r::toString);
  }

  @Test
  void aMissingOrBrokenFileIsABadOption(@TempDir Path dir) throws Exception {
    Cli.Result missing = Cli.run("--config", dir.resolve("nope.yaml").toString(), "--kafka-servers", "localhost:9092");
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("nope.yaml does not exist"), missing::toString);

    Path broken = Files.writeString(dir.resolve("broken.yaml"), "transport: [a\n");
    Cli.Result bad = Cli.run("--config", broken.toString(), "--kafka-servers", "localhost:9092");
    assertEquals(ExitCode.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("broken.yaml is not valid YAML"), bad::toString);
  }
}
