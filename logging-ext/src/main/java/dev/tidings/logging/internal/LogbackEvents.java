package dev.tidings.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.tidings.logging.LogRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.helpers.MessageFormatter;

/**
 * Snapshots of Logback events, taken on the logging thread. Only {@code KafkaAppender} loads this
 * class, so JUL users need no Logback.
 */
public final class LogbackEvents {
  private LogbackEvents() {}

  /**
   * Captures {@code e}: its thread name, MDC, markers, key-value pairs and arguments, as {@code
   * prepareForDeferredProcessing} does for other asynchronous appenders (so that a fallback appender
   * can format it later). The message is formatted here too, unless every argument is an immutable
   * JDK value: then the background thread formats it, with the same result.
   */
  public static Snapshot snapshot(ILoggingEvent e) {
    int severity = Levels.logbackSeverity(e.getLevel().toInt());
    Object[] arguments = e.getArgumentArray();
    boolean hasArguments = arguments != null && arguments.length > 0;
    boolean defer = hasArguments && JulEvents.immutable(arguments);
    String thread = e.getThreadName();
    Map<String, String> mdc = e.getMDCPropertyMap();
    String message = defer ? null : e.getFormattedMessage();
    String template = e.getMessage();
    Object[] copy = defer ? arguments.clone() : null;
    IThrowableProxy proxy = e.getThrowableProxy();
    return new Snapshot(
        e.getInstant(),
        Levels.level(severity),
        severity,
        e.getLevel().toString(),
        e.getLoggerName() == null ? "" : e.getLoggerName(),
        thread == null ? "" : thread,
        defer ? null : message == null ? "" : message,
        hasArguments ? template : null,
        hasArguments && !defer ? JulEvents.strings(arguments) : null,
        proxy == null ? null : () -> render(proxy),
        mdc == null ? Map.of() : mdc,
        keyValues(e.getKeyValuePairs()),
        markers(e.getMarkerList()),
        e,
        null,
        defer ? () -> MessageFormatter.arrayFormat(template, copy).getMessage() : null,
        copy);
  }

  private static Map<String, String> keyValues(List<KeyValuePair> pairs) {
    if (pairs == null || pairs.isEmpty()) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (KeyValuePair pair : pairs) {
      map.put(pair.key, pair.value == null ? null : JulEvents.string(pair.value));
    }
    return Collections.unmodifiableMap(map);
  }

  private static List<String> markers(List<Marker> markers) {
    if (markers == null || markers.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(markers.size());
    for (Marker m : markers) {
      names.add(m.getName());
    }
    return Collections.unmodifiableList(names);
  }

  static LogRecord.Thrown render(IThrowableProxy proxy) {
    String text;
    try {
      text = ThrowableProxyUtil.asString(proxy);
    } catch (RuntimeException e) {
      text = proxy.getClassName() + " (rendering failed: " + e + ")";
    }
    List<LogRecord.Cause> causes = new ArrayList<>();
    for (IThrowableProxy c = proxy.getCause();
        c != null && causes.size() < Throwables.MAX_CAUSES && !c.isCyclic();
        c = c.getCause()) {
      causes.add(new LogRecord.Cause(c.getClassName(), c.getMessage()));
    }
    return new LogRecord.Thrown(proxy.getClassName(), proxy.getMessage(), Throwables.truncate(text), List.copyOf(causes));
  }
}
