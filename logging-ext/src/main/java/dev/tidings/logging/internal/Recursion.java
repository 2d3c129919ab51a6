package dev.tidings.logging.internal;

/**
 * Decides which events must never be published because publishing them could produce more of
 * them: events of the Kafka client and broker, of Tidings itself, and everything logged on the
 * extension's own threads (its background thread, and Kafka's threads while they run its
 * callbacks). Called on the logging thread for every event, so it is cheap: a type check, a
 * thread-local read and a few prefix comparisons.
 */
public final class Recursion {
  /** Logger name prefixes that are never published; a prefix matches itself and its children. */
  static final String[] EXCLUDED_LOGGERS = {
    "org.apache.kafka", "kafka", "state.change.logger", "dev.tidings"
  };

  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  private Recursion() {}

  /** Whether an event of {@code logger}, logged on the current thread, must be left out. */
  public static boolean excluded(String logger) {
    return Thread.currentThread() instanceof ShipperThread
        || INSIDE.get() != null
        || excludedLogger(logger);
  }

  /** Whether {@code logger} is one of {@link #EXCLUDED_LOGGERS} or a child of one. */
  static boolean excludedLogger(String logger) {
    if (logger == null) {
      return false;
    }
    for (String prefix : EXCLUDED_LOGGERS) {
      if (logger.startsWith(prefix)
          && (logger.length() == prefix.length() || logger.charAt(prefix.length()) == '.')) {
        return true;
      }
    }
    return false;
  }

  /** Marks the current thread as running extension code until {@link #exit()}. */
  static void enter() {
    INSIDE.set(Boolean.TRUE);
  }

  static void exit() {
    INSIDE.remove();
  }
}
