package dev.tidings.logging.internal;

import dev.tidings.logging.LogRecord.Level;

/**
 * Maps the levels of each framework to the common {@link Level} and OpenTelemetry severity
 * numbers (TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17).
 */
public final class Levels {
  private Levels() {}

  /** The common level of a severity number. */
  public static Level level(int severity) {
    if (severity >= 17) {
      return Level.ERROR;
    }
    if (severity >= 13) {
      return Level.WARN;
    }
    if (severity >= 9) {
      return Level.INFO;
    }
    if (severity >= 5) {
      return Level.DEBUG;
    }
    return Level.TRACE;
  }

  /**
   * The severity of a {@code java.util.logging} level value: SEVERE (1000) 17, WARNING (900) 13,
   * INFO (800) 9, CONFIG (700) 7, FINE (500) 5, FINER (400) 2, FINEST (300) and below 1. Custom
   * levels take the severity of the standard level at or below them.
   */
  public static int julSeverity(int value) {
    if (value >= 1000) {
      return 17;
    }
    if (value >= 900) {
      return 13;
    }
    if (value >= 800) {
      return 9;
    }
    if (value >= 700) {
      return 7;
    }
    if (value >= 500) {
      return 5;
    }
    if (value >= 400) {
      return 2;
    }
    return 1;
  }

  /**
   * The severity of a Logback level value: ERROR (40000) 17, WARN (30000) 13, INFO (20000) 9, DEBUG
   * (10000) 5, TRACE (5000) and below 1.
   */
  public static int logbackSeverity(int value) {
    if (value >= 40_000) {
      return 17;
    }
    if (value >= 30_000) {
      return 13;
    }
    if (value >= 20_000) {
      return 9;
    }
    if (value >= 10_000) {
      return 5;
    }
    return 1;
  }
}
