package dev.tidings.logging.internal;

/**
 * Where the extension reports its own problems: the logging framework's channel ({@code
 * ErrorManager} for JUL, the status manager for Logback), never a logger.
 */
public interface Status {
  /** What kind of problem, so that a JUL {@code ErrorManager} gets a matching code. */
  enum Kind {
    /** The configuration is invalid; the handler does not start. */
    CONFIG,
    /** Events were dropped because the queue was full. */
    DROP,
    /** Events could not be published. */
    DELIVERY,
    /** Closing did not finish cleanly or in time. */
    CLOSE,
    /** An unexpected failure inside the extension. */
    INTERNAL
  }

  /**
   * Reports a problem. Called at a limited rate, from any thread; must not throw or block.
   *
   * @param cause the exception, or {@code null}
   */
  void report(Kind kind, String message, Throwable cause);
}
