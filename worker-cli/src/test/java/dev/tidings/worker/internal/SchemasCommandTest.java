package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemasCommandTest {
  @TempDir
  Path dir;

  @Test
  void listsTheDiscoveredSchemasWithoutKafka() {
    Result r = Cli.run("schemas", "list");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.matches("SCHEMA +CLASS +STREAMS +RETENTION")), r::toString);
    assertTrue(r.out().lines().anyMatch(l -> l.matches("Greeting:1 +dev\\.tidings\\.worker\\.fixtures\\.Greeting +- +-")),
        r::toString);
  }

  @Test
  void listsTheSchemasOfAnApplicationClass() {
    Result r = Cli.run("dev.tidings.worker.fixtures.RouterFactoryApp", "schemas", "list");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Farewell:2"), r::toString);
    assertTrue(!r.out().contains("Greeting:1"), r::toString);
  }

  @Test
  void exportsOneFilePerSchema() throws Exception {
    Path target = dir.resolve("schemas");
    Result r = Cli.run("dev.tidings.worker.fixtures.GreetingRegistration", "schemas", "export", target.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals(Greeting.SCHEMA + "\n", Files.readString(target.resolve("Greeting-1.json")));
    assertTrue(r.out().contains("1 schema(s) exported to " + target), r::toString);
  }

  @Test
  void withoutSubcommandItShowsTheUsage() {
    Result r = Cli.run("schemas");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Usage: worker schemas"), r::toString);
  }
}
