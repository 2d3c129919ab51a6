package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.testkit.KafkaTest;
import dev.tidings.testkit.TestKafka;
import dev.tidings.transport.JsonLines;
import dev.tidings.transport.OutgoingMessage;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worker publish --from FILE}: a file transport's lines reach Kafka again, in order, validated. */
@KafkaTest
class RepublishTest {
  @TempDir
  Path dir;

  private static byte[] line(String stream, String key, String traceparent, String data) {
    return JsonLines.encode(new OutgoingMessage(stream, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        traceparent == null ? List.of() : List.of(OutgoingMessage.Header.of("traceparent", traceparent)),
        ("{\"schema\":\"Greeting:1\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8), null));
  }

  @Test
  void publishesRotatedFilesThenTheFileInOrderAndRefusesBadLines(TestKafka kafka) throws Exception {
    Path file = dir.resolve("spill.jsonl");
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    first.write(line("greetings", "k-1", "00-a-01", "{\"text\":\"one\",\"count\":1}"));
    first.write(line("greetings", null, null, "{\"text\":\"two\",\"count\":2}"));
    Files.write(dir.resolve("spill.jsonl.1"), first.toByteArray());
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    second.write(line("greetings", null, null, "{\"text\":\"bad\",\"count\":0}"));
    second.write("{\"stream\":\"greetings\",\"enve\n".getBytes(StandardCharsets.UTF_8));
    second.write(line("greetings", null, null, "{\"text\":\"three\",\"count\":3}"));
    Files.write(file, second.toByteArray());

    Result r = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "publish", "--from", file.toString());
    assertEquals(ExitCode.INVALID_DATA, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Summary: 5 line(s) read, 3 published, 2 refused"), r::toString);
    assertTrue(r.err().contains("refused spill.jsonl:1 (line 3): "), r::toString);
    assertTrue(r.err().contains("/count"), r::toString);
    assertTrue(r.err().contains("refused spill.jsonl:2 (line 4): spill.jsonl:2 (line 4) is not JSON"), r::toString);

    List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(kafka.topic("greetings"), 3, Duration.ofSeconds(30));
    assertEquals(List.of("one", "two", "three"), records.stream()
        .map(rec -> new String(rec.value(), StandardCharsets.UTF_8).replaceAll(".*\"text\":\"([a-z]+)\".*", "$1"))
        .toList());
    assertEquals("k-1", new String(records.get(0).key(), StandardCharsets.UTF_8));
    assertEquals("00-a-01", new String(records.get(0).headers().lastHeader("traceparent").value(),
        StandardCharsets.UTF_8));

    Result resumed = Cli.run("--kafka-servers", kafka.bootstrapServers(), "--topic-prefix", kafka.topicPrefix(),
        "publish", "--from", file.toString(), "--from-line", "5");
    assertEquals(0, resumed.exitCode(), resumed::toString);
    assertTrue(resumed.out().contains("Summary: 5 line(s) read, 1 published, 0 refused"), resumed::toString);
  }

  @Test
  void usageErrors(TestKafka kafka) {
    Result missing = Cli.run("--kafka-servers", kafka.bootstrapServers(), "publish", "--from",
        dir.resolve("nope.jsonl").toString());
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("nope.jsonl does not exist"), missing::toString);
    Result both = Cli.run("--kafka-servers", kafka.bootstrapServers(), "publish", "--from", "x.jsonl", "greetings");
    assertEquals(ExitCode.USAGE, both.exitCode(), both::toString);
    assertTrue(both.err().contains("--from takes no STREAM and JSON"), both::toString);
  }
}
