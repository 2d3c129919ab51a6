package dev.tidings.internal.tracing;

import java.util.function.Function;

/** Describes a span before it starts; see {@link Tracing#span(String, SpanKind)}. Not thread-safe. */
public interface SpanStarter {
  /**
   * Takes the parent from W3C trace context read with {@code carrier} (header name to value, null when absent),
   * unless the current span belongs to the same trace, which is then the parent (it is closer). Without a context in
   * the carrier, the current span is the parent; without either, the span starts a trace. Without this call the
   * current span is the parent.
   */
  SpanStarter parentFrom(Function<String, String> carrier);

  /** Adds a link to the W3C trace context read with {@code carrier}; nothing when it has none. */
  SpanStarter link(Function<String, String> carrier);

  /** Sets a string attribute; a null value is left out. */
  SpanStarter attribute(String key, String value);

  /** Sets a number attribute. */
  SpanStarter attribute(String key, long value);

  /** Starts the span now. */
  TraceSpan start();
}
