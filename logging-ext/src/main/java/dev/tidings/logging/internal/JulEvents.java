package dev.tidings.logging.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Snapshots of {@code java.util.logging} records, taken on the logging thread. */
public final class JulEvents {
  private JulEvents() {}

  /**
   * Captures {@code r}: copies the SLF4J MDC (when there is one) and formats the message, unless
   * every argument is an immutable JDK value, in which case {@code MessageFormat} (the costly part)
   * runs later on the background thread with the same result.
   */
  public static Snapshot snapshot(LogRecord r) {
    Level level = r.getLevel();
    int severity = Levels.julSeverity(level.intValue());
    String template = localized(r);
    Object[] parameters = r.getParameters();
    boolean hasArguments = parameters != null && parameters.length > 0;
    boolean defer = hasArguments && immutable(parameters);
    Object[] arguments = defer ? parameters.clone() : parameters;
    Throwable thrown = r.getThrown();
    String logger = r.getLoggerName();
    return new Snapshot(
        r.getInstant(),
        Levels.level(severity),
        severity,
        level.getName(),
        logger == null ? "" : logger,
        threadName(r),
        defer ? null : format(template, parameters),
        hasArguments ? template : null,
        hasArguments && !defer ? strings(parameters) : null,
        thrown == null ? null : () -> Throwables.render(thrown),
        Mdc.copy(),
        null,
        List.of(),
        r,
        null,
        defer ? () -> format(template, arguments) : null,
        defer ? arguments : null);
  }

  /** Values whose text cannot change after the call: exactly these classes (no subclasses). */
  private static final Set<Class<?>> IMMUTABLE = Set.of(
      String.class, Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class,
      Boolean.class, Character.class, BigInteger.class, BigDecimal.class, UUID.class,
      Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
      ZonedDateTime.class, Duration.class, Period.class);

  /** Whether every value is {@code null} or one of the immutable JDK types. */
  public static boolean immutable(Object[] values) {
    for (Object v : values) {
      if (v != null && !IMMUTABLE.contains(v.getClass())) {
        return false;
      }
    }
    return true;
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
