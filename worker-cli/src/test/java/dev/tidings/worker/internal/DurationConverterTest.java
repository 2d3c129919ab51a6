package dev.tidings.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
  @Test
  void readsShortAndIsoForms() {
    assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
    assertEquals(Duration.ofSeconds(10), DurationConverter.parse("10s"));
    assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
    assertEquals(Duration.ofHours(1), DurationConverter.parse("1h"));
    assertEquals(Duration.ofSeconds(15), DurationConverter.parse("PT15S"));
  }

  @Test
  void refusesNonsenseAndZero() {
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("10"));
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("soon"));
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("0s"));
  }

  @Test
  void formatsWhatItReads() {
    assertEquals("10s", DurationConverter.format(Duration.ofSeconds(10)));
    assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
    assertEquals("2m", DurationConverter.format(Duration.ofMinutes(2)));
  }
}
