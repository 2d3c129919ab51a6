package dev.tidings.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tidings.logging.LogRecord.Level;
import org.junit.jupiter.api.Test;

class LevelsTest {
  @Test
  void julLevelsMapToOpenTelemetrySeverities() {
    assertEquals(17, Levels.julSeverity(java.util.logging.Level.SEVERE.intValue()));
    assertEquals(13, Levels.julSeverity(java.util.logging.Level.WARNING.intValue()));
    assertEquals(9, Levels.julSeverity(java.util.logging.Level.INFO.intValue()));
    assertEquals(7, Levels.julSeverity(java.util.logging.Level.CONFIG.intValue()));
    assertEquals(5, Levels.julSeverity(java.util.logging.Level.FINE.intValue()));
    assertEquals(2, Levels.julSeverity(java.util.logging.Level.FINER.intValue()));
    assertEquals(1, Levels.julSeverity(java.util.logging.Level.FINEST.intValue()));
    assertEquals(Level.DEBUG, Levels.level(Levels.julSeverity(java.util.logging.Level.CONFIG.intValue())));
    assertEquals(Level.TRACE, Levels.level(2));
  }

  @Test
  void logbackLevelsMapToOpenTelemetrySeverities() {
    assertEquals(17, Levels.logbackSeverity(ch.qos.logback.classic.Level.ERROR_INT));
    assertEquals(13, Levels.logbackSeverity(ch.qos.logback.classic.Level.WARN_INT));
    assertEquals(9, Levels.logbackSeverity(ch.qos.logback.classic.Level.INFO_INT));
    assertEquals(5, Levels.logbackSeverity(ch.qos.logback.classic.Level.DEBUG_INT));
    assertEquals(1, Levels.logbackSeverity(ch.qos.logback.classic.Level.TRACE_INT));
    assertEquals(Level.WARN, Levels.level(13));
    assertEquals(Level.ERROR, Levels.level(17));
  }
}
