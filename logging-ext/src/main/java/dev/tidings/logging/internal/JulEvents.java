package dev.tidings.logging.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Snapshots of {@code java.util.logging} records, taken on the logging thread. */
public final class JulEvents {
  private JulEvents() {}

  /** Captures {@code r}: formats its message, copies the SLF4J MDC (when there is one). */
  public static Snapshot snapshot(LogRecord r) {
    Level level = r.getLevel();
    int severity = Levels.julSeverity(level.intValue());
    String template = localized(r);
    Object[] parameters = r.getParameters();
    boolean hasArguments = parameters != null && parameters.length > 0;
    Throwable thrown = r.getThrown();
    String logger = r.getLoggerName();
    return new Snapshot(
        r.getInstant(),
        Levels.level(severity),
        severity,
        level.getName(),
        logger == null ? "" : logger,
        threadName(r),
        format(template, parameters),
        hasArguments ? template : null,
        hasArguments ? strings(parameters) : null,
        thrown == null ? null : () -> Throwables.render(thrown),
        Mdc.copy(),
        null,
        List.of(),
        r,
        null);
  }

  private static String threadName(LogRecord r) {
    Thread current = Thread.currentThread();
    return r.getLongThreadID() == current.getId() ? current.getName() : "thread-" + r.getLongThreadID();
  }

  private static String localized(LogRecord r) {
    String message = r.getMessage();
    if (message == null) {
      return "";
    }
    ResourceBundle bundle = r.getResourceBundle();
    if (bundle != null) {
      try {
        return bundle.getString(message);
      } catch (MissingResourceException | ClassCastException e) {
        return message;
      }
    }
    return message;
  }

  /**
   * Formats as {@link java.util.logging.Formatter#formatMessage} does ({@link MessageFormat} when
   * the message has a {@code {0}}-style placeholder), without its lock.
   */
  static String format(String template, Object[] parameters) {
    if (parameters == null || parameters.length == 0) {
      return template;
    }
    int fence = template.length() - 1;
    for (int i = template.indexOf('{'); i >= 0 && i < fence; i = template.indexOf('{', i + 1)) {
      char digit = template.charAt(i + 1);
      if (digit >= '0' && digit <= '9') {
        try {
          return MessageFormat.format(template, parameters);
        } catch (RuntimeException e) {
          return template;
        }
      }
    }
    return template;
  }

  static List<String> strings(Object[] values) {
    List<String> list = new ArrayList<>(values.length);
    for (Object v : values) {
      list.add(string(v));
    }
    return Collections.unmodifiableList(list);
  }

  /** {@code String.valueOf(v)}, or a note when its {@code toString} throws. */
  public static String string(Object v) {
    try {
      return String.valueOf(v);
    } catch (RuntimeException e) {
      return "(toString of " + v.getClass().getName() + " failed: " + e + ")";
    }
  }

  /** The SLF4J MDC of the current thread, read only when SLF4J is on the class path. */
  static final class Mdc {
    private static final boolean AVAILABLE = available();

    private Mdc() {}

    static Map<String, String> copy() {
      if (AVAILABLE) {
        try {
          Map<String, String> copy = org.slf4j.MDC.getCopyOfContextMap();
          if (copy != null && !copy.isEmpty()) {
            return Collections.unmodifiableMap(copy);
          }
        } catch (RuntimeException | LinkageError e) {
          return Map.of();
        }
      }
      return Map.of();
    }

    private static boolean available() {
      try {
        Class.forName("org.slf4j.MDC", false, JulEvents.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
