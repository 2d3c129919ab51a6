package dev.tidings.http.sink.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tidings.ConfigurationException;
import org.junit.jupiter.api.Test;

class StatusPatternTest {
  @Test
  void matchesDigitsAndDots() {
    StatusPattern p = StatusPattern.parse("429|5..", "retry");
    assertTrue(p.matches(429));
    assertTrue(p.matches(503));
    assertFalse(p.matches(428));
    assertFalse(p.matches(200));
    assertFalse(StatusPattern.parse("", "retry").matches(500));
  }

  @Test
  void refusesWhatIsNotAStatusPattern() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> StatusPattern.parse("2xx", "success"));
    assertTrue(e.getMessage().contains("'2xx'") && e.getMessage().contains("success"), e.getMessage());
  }
}
