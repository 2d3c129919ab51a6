package dev.tidings.logging.internal;

import dev.tidings.logging.LogRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Renders a {@link Throwable} as a {@link LogRecord.Thrown}: stack trace text and cause chain. */
public final class Throwables {
  /** Longest stack trace text kept, in characters. */
  public static final int MAX_STACK_TRACE_CHARS = 64 * 1024;

  /** Longest cause chain listed. */
  public static final int MAX_CAUSES = 32;

  private Throwables() {}

  /** Renders {@code t}; never throws, even when the throwable's own methods do. */
  public static LogRecord.Thrown render(Throwable t) {
    String text;
    try {
      StringWriter out = new StringWriter(1024);
      t.printStackTrace(new PrintWriter(out, true));
      text = out.toString();
    } catch (RuntimeException e) {
      text = t.getClass().getName() + " (printStackTrace failed: " + e + ")";
    }
    List<LogRecord.Cause> causes = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(t);
    for (Throwable c = t.getCause(); c != null && seen.add(c) && causes.size() < MAX_CAUSES; c = c.getCause()) {
      causes.add(new LogRecord.Cause(c.getClass().getName(), message(c)));
    }
    return new LogRecord.Thrown(t.getClass().getName(), message(t), truncate(text), List.copyOf(causes));
  }

  /** {@code text} cut after {@link #MAX_STACK_TRACE_CHARS}, with a last line saying so. */
  public static String truncate(String text) {
    if (text.length() <= MAX_STACK_TRACE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_STACK_TRACE_CHARS)
        + "\n\t... (" + (text.length() - MAX_STACK_TRACE_CHARS) + " more characters cut)\n";
  }

  private static String message(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException e) {
      return "(getMessage failed: " + e + ")";
    }
  }
}
