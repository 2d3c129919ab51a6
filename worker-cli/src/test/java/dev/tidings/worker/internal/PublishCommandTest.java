package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KafkaTest
class PublishCommandTest {
  @TempDir
  Path dir;

  @Test
  void publishesEnvelopesAndWrappedDataAfterValidation(TestKafka kafka) throws Exception {
    Path file = Files.writeString(dir.resolve("greeting.json"), "{\"text\": \"from a file\", \"count\": 3}");
    Result envelope = publish(kafka, "greetings", "{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}");
    Result wrapped = publish(kafka, "--schema", "Greeting:1", "--key", "k-1", "-H", "origin=cli", "greetings",
        "@" + file);
    assertEquals(0, envelope.exitCode(), envelope::toString);
    assertEquals(0, wrapped.exitCode(), wrapped::toString);
    assertEquals("published to " + kafka.topic("greetings") + " partition 0 offset 0\n", envelope.out());
    assertEquals("published to " + kafka.topic("greetings") + " partition 0 offset 1\n", wrapped.out());

    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topic("greetings"), 2, Duration.ofSeconds(30));
    assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"hi\",\"count\":1}}", text(records.get(0).value()));
    assertEquals("{\"schema\":\"Greeting:1\",\"data\":{\"text\":\"from a file\",\"count\":3}}",
        text(records.get(1).value()));
    assertEquals("k-1", text(records.get(1).key()));
    assertEquals("cli", text(records.get(1).headers().lastHeader("origin").value()));
  }

  @Test
  void invalidDataIsRefusedWithThePointerAndTheRule(TestKafka kafka) {
    Result r = publish(kafka, "--schema", "Greeting:1", "greetings", "{\"text\":\"hi\",\"count\":0}");
    assertEquals(3, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("error: refused: "), r::toString);
    assertTrue(r.err().contains("/count"), r::toString);
    assertTrue(r.err().contains("minimum"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void unknownSchemasAndNonJsonAreRefused(TestKafka kafka) {
    Result unknown = publish(kafka, "greetings", "{\"schema\":\"Nope:1\",\"data\":{}}");
    assertEquals(3, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("Nope:1"), unknown::toString);
    assertTrue(unknown.err().contains("Greeting:1"), "names the known schemas: " + unknown);

    Result notJson = publish(kafka, "--schema", "Greeting:1", "greetings", "{text: hi}");
    assertEquals(3, notJson.exitCode(), notJson::toString);
    assertTrue(notJson.err().startsWith("error: refused: the data is not JSON (line 1, column"), notJson::toString);
  }

  @Test
  void aMissingFileIsAUsageError(TestKafka kafka) {
    Result r = publish(kafka, "greetings", "@" + dir.resolve("nope.json"));
    assertEquals(2, r.exitCode(), r::toString);
    assertTrue(r.err().contains("nope.json does not exist"), r::toString);
  }

  private static Result publish(TestKafka kafka, String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "--kafka-servers";
    all[1] = kafka.bootstrapServers();
    all[2] = "--topic-prefix";
    all[3] = kafka.topicPrefix();
    all[4] = "publish";
    System.arraycopy(args, 0, all, 5, args.length);
    return Cli.run(all);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
