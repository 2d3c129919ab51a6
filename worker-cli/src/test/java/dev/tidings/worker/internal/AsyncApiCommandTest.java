package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tidings.worker.internal.asyncapi.AsyncApiTest;
import dev.tidings.worker.testing.Cli;
import dev.tidings.worker.testing.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncApiCommandTest {
  @TempDir
  Path dir;

  @Test
  void jsonToStandardOutputIsAValidAsyncApi3Document() throws Exception {
    Result r = Cli.run("--kafka-servers", "kafka-1:9092", "--topic-prefix", "shop.", "--application-name", "greeter",
        "--kafka-settings", "{\"security.protocol\":\"SSL\",\"ssl.keystore.password\":\"hunter2\"}",
        "asyncapi", "--format", "json");
    assertEquals(0, r.exitCode(), r::toString);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(List.of(), AsyncApiTest.officialSchemaProblems(doc));
    assertEquals("greeter", doc.at("/info/title").asText());
    assertEquals("kafka-secure", doc.at("/servers/kafka/protocol").asText());
    assertEquals("shop.greetings", doc.at("/channels/subscription-greeter/address").asText());
    assertEquals("Greeting:1", doc.at("/components/messages/Greeting_1/name").asText());
    assertFalse(r.out().contains("hunter2"), r::toString);
  }

  @Test
  void yamlToAFileWithoutKafka() throws Exception {
    Path out = dir.resolve("build/asyncapi.yaml");
    Result r = Cli.run("asyncapi", "--out", out.toString());
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("wrote " + out, r.out().strip());
    JsonNode doc = new YAMLMapper().readTree(Files.readString(out));
    assertEquals("3.0.0", doc.get("asyncapi").asText());
    assertTrue(doc.at("/servers").isMissingNode(), "no servers without --kafka-servers");
    assertEquals(List.of(), AsyncApiTest.officialSchemaProblems(doc));
  }
}
