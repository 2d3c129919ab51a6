package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
  @TempDir
  Path dir;

  @Test
  void readsAJsonObjectKeepingTypes() {
    KafkaSettings settings = KafkaSettings.parse(
        "{\"security.protocol\":\"SSL\",\"linger.ms\":20,\"enable.idempotence\":true,"
            + "\"buffer.memory\":40000000000,\"ssl.enabled.protocols\":[\"TLSv1.3\",\"TLSv1.2\"]}");
    assertEquals(Map.of("security.protocol", "SSL", "linger.ms", 20, "enable.idempotence", true,
        "buffer.memory", 40_000_000_000L, "ssl.enabled.protocols", "TLSv1.3,TLSv1.2"), settings.values());
  }

  @Test
  void readsJsonAndPropertiesFiles() throws Exception {
    Path json = Files.writeString(dir.resolve("client.json"), "{\"client.id\": \"a\"}");
    Path props = Files.writeString(dir.resolve("client.properties"),
        "# comment\nsecurity.protocol=SASL_SSL\nsasl.mechanism = PLAIN\n");
    assertEquals(Map.of("client.id", "a"), KafkaSettings.parse("@" + json).values());
    assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"),
        KafkaSettings.parse("@" + props).values());
  }

  @Test
  void nothingGivenMeansNoSettings() {
    assertTrue(KafkaSettings.parse(null).values().isEmpty());
    assertTrue(KafkaSettings.parse("  ").values().isEmpty());
  }

  @Test
  void errorsNameTheSourceButNeverAValue() {
    IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
        () -> KafkaSettings.parse("{\"ssl.key.password\": s3cr3t-value}"));
    assertTrue(notJson.getMessage().startsWith("--kafka-settings is not valid JSON (line 1, column"),
        notJson.getMessage());
    assertFalse(notJson.getMessage().contains("s3cr3t"), notJson.getMessage());

    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
        () -> KafkaSettings.parse("{\"a\": {\"b\": 1}}"));
    assertTrue(nested.getMessage().contains("setting a is object"), nested.getMessage());

    IllegalArgumentException array = assertThrows(IllegalArgumentException.class,
        () -> KafkaSettings.parse("[1]"));
    assertTrue(array.getMessage().contains("is not a JSON object"), array.getMessage());

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> KafkaSettings.parse("@" + dir.resolve("nope.json")));
    assertTrue(missing.getMessage().contains("nope.json does not exist"), missing.getMessage());
  }

  @Test
  void toStringMasksSecrets() {
    KafkaSettings settings = KafkaSettings.parse("{\"ssl.key.password\":\"hunter2\",\"acks\":\"all\"}");
    assertEquals("acks=all, ssl.key.password=******", settings.toString());
  }
}
