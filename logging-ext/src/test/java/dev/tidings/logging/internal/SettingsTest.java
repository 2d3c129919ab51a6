package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void parsesJsonObjectsWithScalarValues() {
    assertEquals(Map.of("linger.ms", "20", "enable.idempotence", "true", "security.protocol", "SSL"),
        Settings.parse(" {\"linger.ms\": 20, \"enable.idempotence\": true, \"security.protocol\": \"SSL\"} "));
  }

  @Test
  void parsesPairsSplitAtTheFirstEqualsSign() {
    assertEquals(Map.of("a", "1", "sasl.mechanism", "PLAIN", "x", "y=z"), Settings.parse("a=1; sasl.mechanism = PLAIN\nx=y=z;"));
  }

  @Test
  void blankIsEmpty() {
    assertTrue(Settings.parse(null).isEmpty());
    assertTrue(Settings.parse("  ").isEmpty());
  }

  @Test
  void rejectsWhatItCannotRead() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.parse("{\"a\": {\"b\": 1}}"))
        .getMessage().contains("each value must be a string, a number or a boolean"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.parse("{\"a\": "))
        .getMessage().contains("not a valid JSON object"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Settings.parse("a=1;oops"))
        .getMessage().contains("has an entry of 4 characters that is not key=value: write key=value"));
    assertThrows(IllegalArgumentException.class, () -> Settings.pair("=value"));
  }
}
