package dev.tidings.logging.internal;

import dev.tidings.logging.LogRecord;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;

/**
 * Writes events that could not be published to standard error, one line each (plus the stack
 * trace): {@code 2026-11-05T09:15:02.123Z WARN [main] orders.Billing - message}.
 */
public final class ConsoleFallback implements Fallback {
  private final PrintStream out;

  public ConsoleFallback() {
    this(System.err);
  }

  ConsoleFallback(PrintStream out) {
    this.out = out;
  }

  @Override
  public void accept(Snapshot s) {
    StringBuilder line = new StringBuilder(128)
        .append(DateTimeFormatter.ISO_INSTANT.format(s.time())).append(' ')
        .append(s.nativeLevel()).append(" [").append(s.thread()).append("] ")
        .append(s.logger()).append(" - ").append(s.message());
    if (!s.mdc().isEmpty()) {
      line.append(' ').append(s.mdc());
    }
    line.append(System.lineSeparator());
    if (s.thrown() != null) {
      LogRecord.Thrown thrown = s.thrown().get();
      line.append(thrown.stackTrace());
    }
    out.print(line);
    out.flush();
  }
}
