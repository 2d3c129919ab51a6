package dev.tidings.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.Application;
import dev.tidings.ApplicationOptions;
import dev.tidings.Router;
import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.testkit.Wait;
import dev.tidings.worker.fixtures.Greeting;
import dev.tidings.worker.fixtures.GreetingRegistration;
import dev.tidings.worker.internal.StopSignal;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import dev.tidings.worker.testing.TestClassPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing, exit codes and messages of the worker, run in this JVM. */
class WorkerCommandTest {
  @Test
  void helpListsOptionsSubcommandsAndExitCodes() {
    Result r = Cli.run("--help");
    assertEquals(0, r.exitCode(), r::toString);
    for (String expected : new String[] {"Usage: worker", "--kafka-servers", "--kafka-settings", "--topic-prefix",
        "--replication-factor", "--partitions", "--commit", "--http-port", "--dev", "-cp", "[APP]",
        "schemas", "publish", "healthcheck", "asyncapi", "--schemas-registry", "KAFKA_BOOTSTRAP_SERVERS", "Exit codes:"}) {
      assertTrue(r.out().contains(expected), () -> "help lacks " + expected + "\n" + r);
    }
  }

  @Test
  void versionNamesTheWorkerJavaAndKafka() {
    Result r = Cli.run("--version");
    assertEquals(0, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("tidings-worker "), r::toString);
    assertTrue(r.out().contains("Kafka clients 4."), r::toString);
  }

  @Test
  void badOptionsExit2WithTheUsage() {
    Result unknown = Cli.run("--kafka-servers", "localhost:9092", "--bogus");
    assertEquals(2, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("Unknown option: '--bogus'"), unknown::toString);
    assertTrue(unknown.err().contains("Usage: worker"), unknown::toString);

    Result commit = Cli.run("--kafka-servers", "localhost:9092", "--commit", "sometimes");
    assertEquals(2, commit.exitCode(), commit::toString);
    assertTrue(commit.err().contains("--commit"), commit::toString);

    Result port = Cli.run("--kafka-servers", "localhost:9092", "--http-port", "eighty");
    assertEquals(2, port.exitCode(), port::toString);

    Result factor = Cli.run("--kafka-servers", "localhost:9092", "--replication-factor", "0");
    assertEquals(2, factor.exitCode(), factor::toString);
    assertTrue(factor.err().contains("--replication-factor is 0: use 1 or more"), factor::toString);

    Result timeout = Cli.run("--kafka-servers", "localhost:9092", "--connect-timeout", "soon");
    assertEquals(2, timeout.exitCode(), timeout::toString);
    assertTrue(timeout.err().contains("'soon' is not a duration"), timeout::toString);

    Result servers = Cli.run("--kafka-servers", "localhost", "--connect-timeout", "1s");
    assertEquals(2, servers.exitCode(), servers::toString);
    assertTrue(servers.err().contains("kafkaServers has 'localhost': each server must be host:port"),
        servers::toString);
  }

  @Test
  void devAndKafkaServersExcludeEachOther() {
    Result r = Cli.run("--dev", "--kafka-servers", "localhost:9092");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--dev and --kafka-servers exclude each other"), r::toString);
  }

  @Test
  void withoutServersTheWorkerSaysHowToGiveThem() {
    Result r = Cli.run();
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("no Kafka servers: pass --kafka-servers host:port[,host:port], set"
        + " KAFKA_BOOTSTRAP_SERVERS, or use --dev"), r::toString);
  }

  @Test
  void aMissingApplicationClassIsNamedWithTheClassPath() {
    Result r = Cli.run("--kafka-servers", "localhost:9092", "com.example.NoSuchApp");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: application class com.example.NoSuchApp was not found on the class path ["),
        r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void anUnresolvableBrokerFailsAtOnceInOneLine() {
    Result r = Cli.run("--kafka-servers", "no-such-host.invalid:9092");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: cannot reach Kafka at no-such-host.invalid:9092 within 10s ("), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
  }

  @Test
  void anUnreachableBrokerFailsWithinTheConnectTimeout() {
    int port = TestClassPath.freePort();
    long start = System.nanoTime();
    Result r = Cli.run("--kafka-servers", "127.0.0.1:" + port, "--connect-timeout", "2s");
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: cannot reach Kafka at 127.0.0.1:" + port + " within 2s"), r::toString);
    assertTrue(seconds < 10, "took " + seconds + " s");
  }

  @Test
  void secretsNeverAppearInOutputErrorsOrToString() {
    String settings = "{\"ssl.key.password\":\"hunter2-secret\",\"sasl.jaas.config\":"
        + "\"org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\"u\\\""
        + " password=\\\"jaas-secret-9\\\";\",\"client.id\":\"visible-client\"}";
    WorkerCommand command = new WorkerCommand();
    CommandLine line = WorkerCommand.commandLine(command);
    Result r = Cli.run(line, "--kafka-servers", "127.0.0.1:" + TestClassPath.freePort(), "--connect-timeout", "1s",
        "--kafka-settings", settings);
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Kafka settings: client.id=visible-client, sasl.jaas.config=******,"
        + " ssl.key.password=******"), r::toString);
    assertSecretsHidden(r.all());
    assertSecretsHidden(command.toString());
    assertTrue(command.toString().contains("ssl.key.password=******"), command::toString);

    // a broken JSON value and a mistyped command line that splits the JSON are masked too
    Result broken = Cli.run("--kafka-servers", "localhost:9092", "--kafka-settings",
        "{\"ssl.key.password\": hunter2-secret}");
    assertEquals(2, broken.exitCode(), broken::toString);
    assertTrue(broken.err().contains("--kafka-settings is not valid JSON (line 1, column"), broken::toString);
    Result split = Cli.run("--kafka-servers", "localhost:9092", "--kafka-settings", "{\"ssl.key.password\":",
        "\"jaas-secret-9\",", "\"sasl.jaas.config\":\"password=hunter2-secret\"}");
    assertEquals(2, split.exitCode(), split::toString);
    assertSecretsHidden(broken.all() + split.all());
  }

  @Test
  @KafkaTest
  void runsTheApplicationUntilAStopIsRequested(TestKafka kafka) throws Exception {
    String group = kafka.topic("greeter");
    System.setProperty("tidings.test.group", group);
    StopSignal stop = new StopSignal();
    CommandLine line = WorkerCommand.commandLine(new WorkerCommand(stop));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int[] code = {-1};
    Thread run = new Thread(() -> code[0] = line.execute("--kafka-servers", kafka.bootstrapServers(),
        "--topic-prefix", kafka.topicPrefix(), "--shutdown-timeout", "10s"), "worker-run");
    try {
      run.start();
      Wait.until(() -> out.toString().contains("Worker running."), Duration.ofSeconds(60), "the worker to start");
      System.clearProperty("tidings.test.group");
      try (Application app = Application.create(ApplicationOptions.builder().kafkaServers(kafka.bootstrapServers())
          .topicPrefix(kafka.topicPrefix()).build())) {
        app.mount(new Router().schema(GreetingRegistration.schema()));
        app.publishAndWait("greetings", new Greeting("in-process", 1));
        app.publishAndWait("greetings", new Greeting("in-process", 2));
      }
      TopicPartition partition = new TopicPartition(kafka.topic("greetings"), 0);
      Wait.until(() -> Long.valueOf(2).equals(kafka.committedOffsets(kafka.topicPrefix() + group).get(partition)),
          Duration.ofSeconds(60), "2 greetings handled and committed");
    } finally {
      System.clearProperty("tidings.test.group");
      stop.request();
      run.join(60_000);
    }
    assertFalse(run.isAlive(), "the worker stopped");
    assertEquals(0, code[0], () -> out + "\n" + err);
    String printed = out.toString();
    assertTrue(printed.contains("Subscription 'greetings' (group " + group + ") (topic prefix '"
        + kafka.topicPrefix() + "'): Greeting"), printed);
    assertTrue(printed.contains("Stopping: finishing in-flight messages"), printed);
    assertTrue(printed.endsWith("Stopped." + System.lineSeparator()), printed);
  }

  @Test
  @KafkaTest
  void anApplicationThatFailsToStartExits1WithTheCause(TestKafka kafka) {
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "dev.tidings.worker.fixtures.FailingStartApp");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: the application failed to start: java.lang.IllegalStateException:"
        + " the warehouse is closed"), r::toString);
  }

  @Test
  @KafkaTest
  void subscriptionSettingsForAnUnknownGroupFailWithTheKnownGroups(TestKafka kafka) {
    System.clearProperty("tidings.test.group");
    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "--subscription-setting", "gretter.maxAttempts=2");
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.err().contains("group 'gretter', which has no subscription; groups: [greeter]"), r::toString);
  }

  @Test
  void subscriptionSettingWithoutAGroupIsAUsageError() {
    Result r = Cli.run("--kafka-servers", "127.0.0.1:1", "--subscription-setting", "maxAttempts=2");
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("names no group and setting: write GROUP.SETTING=VALUE"), r::toString);
  }

  private static void assertSecretsHidden(String text) {
    assertFalse(text.contains("hunter2-secret"), text);
    assertFalse(text.contains("jaas-secret-9"), text);
  }
}
