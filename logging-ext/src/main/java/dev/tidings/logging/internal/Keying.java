package dev.tidings.logging.internal;

import dev.tidings.logging.LogRecord;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Chooses the Kafka key of a log record: {@code none} (the producer spreads records over
 * partitions), {@code logger}, {@code thread}, {@code traceId} (records without a trace id have no
 * key) or {@code static:<value>} (every record to one partition, in order).
 */
public final class Keying {
  private enum Kind {
    NONE,
    LOGGER,
    THREAD,
    TRACE_ID,
    STATIC
  }

  static final Keying NONE = new Keying(Kind.NONE, null);

  private final Kind kind;
  private final byte[] value;

  private Keying(Kind kind, String value) {
    this.kind = kind;
    this.value = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a keying setting.
   *
   * @throws IllegalArgumentException with a message listing the valid forms
   */
  public static Keying parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.regionMatches(true, 0, "static:", 0, 7)) {
      String v = t.substring(7);
      if (v.isEmpty()) {
        throw new IllegalArgumentException("'" + text + "' has no value: write static:<value>, e.g. static:orders-service");
      }
      return new Keying(Kind.STATIC, v);
    }
    switch (t.toLowerCase(Locale.ROOT)) {
      case "", "none":
        return NONE;
      case "logger":
        return new Keying(Kind.LOGGER, null);
      case "thread":
        return new Keying(Kind.THREAD, null);
      case "traceid", "trace_id":
        return new Keying(Kind.TRACE_ID, null);
      default:
        throw new IllegalArgumentException(
            "'" + text + "' is not a keying: use none, logger, thread, traceId or static:<value>");
    }
  }

  /** The key of {@code record}, or {@code null} for none. */
  byte[] key(LogRecord record) {
    return switch (kind) {
      case NONE -> null;
      case LOGGER -> bytes(record.logger());
      case THREAD -> bytes(record.thread());
      case TRACE_ID -> bytes(record.traceId());
      case STATIC -> value;
    };
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return kind == Kind.STATIC ? "static:" + new String(value, StandardCharsets.UTF_8) : kind.name().toLowerCase(Locale.ROOT);
  }
}
