package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ApplicationOptions;
import dev.tidings.SchemaDefinition;
import dev.tidings.SchemaRegistryTopic;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.internal.StopSignal;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The worker's registration of its schemas in the registry topic, on the testkit's broker. */
class SchemaRegistryWorkerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Starts the worker with {@code args}, waits until it runs, stops it; returns what it printed. */
  private static String runUntilStarted(TestKafka kafka, String... args) throws InterruptedException {
    StopSignal stop = new StopSignal();
    CommandLine line = WorkerCommand.commandLine(new WorkerCommand(stop));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix",
        kafka.topicPrefix(), "--shutdown-timeout", "5s", "--application-name", "greeter-app"));
    all.addAll(List.of(args));
    System.setProperty("tidings.test.group", kafka.topic("greeter"));
    int[] code = {-1};
    Thread run = new Thread(() -> code[0] = line.execute(all.toArray(String[]::new)), "worker-run");
    try {
      run.start();
      Wait.until(() -> out.toString().contains("Worker running.") || !run.isAlive(), Duration.ofSeconds(60),
          "the worker to start");
    } finally {
      System.clearProperty("tidings.test.group");
      stop.request();
      run.join(60_000);
    }
    assertFalse(run.isAlive(), "the worker stopped");
    assertEquals(0, code[0], () -> out + "\n" + err);
    return out.toString();
  }

  private static ApplicationOptions options(TestKafka kafka) {
    return ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers()).build();
  }

  @Test
  @KafkaTest
  void theFirstStartRegistersAndAnIdenticalSecondStartChangesNothing(TestKafka kafka) throws Exception {
    String topic = kafka.topicPrefix() + "_tidings_schemas";
    String first = runUntilStarted(kafka);
    assertTrue(first.contains("Schema registry " + topic + ": registered Greeting:1" + System.lineSeparator()), first);
    String second = runUntilStarted(kafka);
    assertTrue(second.contains("Schema registry " + topic + ": nothing new; already registered, unchanged: Greeting:1"),
        second);
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      var entries = registry.load(TIMEOUT, l -> { });
      assertEquals(List.of("Greeting:1"), new ArrayList<>(entries.keySet()));
      assertEquals("greeter-app", entries.get("Greeting:1").application());
    }
    assertEquals(1, kafka.readAll(topic, 1, TIMEOUT).size());
  }

  @Test
  @KafkaTest
  void aDifferingRegisteredSchemaStopsTheStartWithTheSchemaThePointerAndTheFix(TestKafka kafka) {
    String topic = kafka.topicPrefix() + "_tidings_schemas";
    String changed = Greeting.SCHEMA.replace("\"minimum\":1", "\"minimum\":0");
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      registry.register(List.of(SchemaDefinition.of(Greeting.class, "Greeting", 1, changed)), "other-app", TIMEOUT,
          l -> { });
    }
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix());
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: refusing to start: schema Greeting:1 (" + Greeting.class.getName()
        + ") differs from the one registered in topic '" + topic + "' by other-app at "), r::toString);
    assertTrue(r.err().contains(": first difference at /properties/count/minimum (registered: 0, here: 1). A registered"
        + " schema never changes: bump the version to Greeting:2 (@Schema(version = 2)). (--schemas-registry off skips"
        + " this check.)"), r::toString);
    assertFalse(r.out().contains("Worker running."), r::toString);
  }

  @Test
  @KafkaTest
  void offStartsWithoutTheRegistry(TestKafka kafka) throws Exception {
    String topic = kafka.topicPrefix() + "_tidings_schemas";
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      registry.register(List.of(SchemaDefinition.of(Greeting.class, "Greeting", 1, "{\"type\":\"object\"}")),
          "other-app", TIMEOUT, l -> { });
    }
    String out = runUntilStarted(kafka, "--schemas-registry", "off");
    assertTrue(out.contains("Schema registry: off (--schemas-registry off)"), out);
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      Map<String, ?> entries = registry.load(TIMEOUT, l -> { });
      assertEquals(List.of("Greeting:1"), new ArrayList<>(entries.keySet()), "nothing was registered");
    }
  }

  @Test
  @KafkaTest
  void aRegistryThatCannotBeCreatedStopsTheStartInOneLineWithinTheTimeout(TestKafka kafka) {
    long start = System.nanoTime();
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "--schemas-registry-topic", "no spaces allowed", "--schemas-registry-timeout", "5s");
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: refusing to start: the schema registry topic 'no spaces allowed' could not"
        + " be created on " + kafka.bootstrapServers() + ": "), r::toString);
    assertTrue(r.err().contains("(--schemas-registry off starts without the registry.)"), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertTrue(seconds < 20, "took " + seconds + " s");
  }

  @Test
  @KafkaTest
  void anotherRegistryTopicCanBeNamed(TestKafka kafka) throws Exception {
    String topic = kafka.topic("registry");
    String out = runUntilStarted(kafka, "--schemas-registry-topic", topic);
    assertTrue(out.contains("Schema registry " + topic + ": registered Greeting:1"), out);
  }

  @Test
  @KafkaTest
  void schemasCheckAgainstTheRegistry(TestKafka kafka) {
    String topic = kafka.topicPrefix() + "_tidings_schemas";
    try (SchemaRegistryTopic registry = SchemaRegistryTopic.open(options(kafka), topic)) {
      registry.register(List.of(SchemaDefinition.of(Greeting.class, "Greeting", 1,
          Greeting.SCHEMA.replace("\"minLength\":1", "\"minLength\":3"))), "other-app", TIMEOUT, l -> { });
    }
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "schemas", "check", "--against", "registry");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Greeting:1 /properties/text/minLength [schema-changed]"), r::toString);
    assertTrue(r.out().contains("FAILED: 1 schema(s) checked against registry topic " + topic + " at "
        + kafka.bootstrapServers()), r::toString);
  }
}
