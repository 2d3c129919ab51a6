package dev.tidings.logging.internal;

import dev.tidings.logging.LogRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A log event as captured on the logging thread: the message is formatted, the MDC copied and the
 * arguments turned into strings, so nothing the application changes later alters it. Rendering a
 * throwable's stack trace is left to the background thread ({@link #thrown()} is a supplier over
 * the immutable throwable or Logback's throwable proxy).
 *
 * @param time when the event happened
 * @param level the common level
 * @param severity the OpenTelemetry severity number
 * @param nativeLevel the framework's level name
 * @param logger the logger name, never {@code null}
 * @param thread the thread name, never {@code null}
 * @param message the formatted message; {@code null} only when formatting was deferred (see {@code
 *     deferredArguments}); read it through {@link #message()}, which is never {@code null}
 * @param template the unformatted message when there were arguments, else {@code null}
 * @param arguments the arguments as strings, or {@code null}; read through {@link #arguments()}
 * @param thrown renders the throwable, or {@code null}
 * @param mdc the MDC, never {@code null}
 * @param keyValues SLF4J key-value pairs, or {@code null}
 * @param markers marker names, never {@code null}
 * @param original the framework's own event (a JUL {@code LogRecord} or a Logback {@code
 *     ILoggingEvent}), for a fallback appender; {@code null} for a notice
 * @param notice the counts a synthetic drop notice announces, {@code null} for a real event
 * @param deferredMessage formats the message later, or {@code null}. When every argument is an
 *     immutable JDK value (strings, boxed primitives, big numbers, UUIDs, java.time values),
 *     formatting later gives the same text, so the logging thread leaves it to the background thread
 * @param deferredArguments a copy of those immutable arguments, turned into strings later; {@code
 *     null} otherwise
 */
public record Snapshot(
    Instant time,
    LogRecord.Level level,
    int severity,
    String nativeLevel,
    String logger,
    String thread,
    String message,
    String template,
    List<String> arguments,
    Supplier<LogRecord.Thrown> thrown,
    Map<String, String> mdc,
    Map<String, String> keyValues,
    List<String> markers,
    Object original,
    Notice notice,
    Supplier<String> deferredMessage,
    Object[] deferredArguments) {

  /** The formatted message, formatting it now if that was deferred. */
  @Override
  public String message() {
    if (message != null) {
      return message;
    }
    String formatted = deferredMessage == null ? null : deferredMessage.get();
    return formatted == null ? "" : formatted;
  }

  /** The arguments as strings, or {@code null} when there were none. */
  @Override
  public List<String> arguments() {
    return arguments != null || deferredArguments == null ? arguments : JulEvents.strings(deferredArguments);
  }

  /**
   * The counts a drop notice announces.
   *
   * @param dropped events dropped since the previous notice
   * @param failed events that failed since the previous notice
   */
  public record Notice(long dropped, long failed) {}

  /** The severity number at which {@code dropBelowWarnFirst} stops dropping. */
  public static final int WARN_SEVERITY = 13;
}
