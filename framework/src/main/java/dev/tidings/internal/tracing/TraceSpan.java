package dev.tidings.internal.tracing;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A started span. Methods never throw; {@link #end()} must be called once, on any thread. Not thread-safe for
 * concurrent changes.
 */
public interface TraceSpan {
  /** The span of {@link Tracing#NOOP}: does nothing, has no context. */
  TraceSpan NONE = new TraceSpan() {};

  /** The attribute of the semantic conventions that says how an operation failed (set by the {@code error} methods). */
  String ERROR_TYPE = "error.type";

  /** Sets a string attribute; a null value is left out. */
  default TraceSpan attribute(String key, String value) {
    return this;
  }

  /** Sets a number attribute. */
  default TraceSpan attribute(String key, long value) {
    return this;
  }

  /** Adds an event with string attributes. */
  default TraceSpan event(String name, Map<String, String> attributes) {
    return this;
  }

  /** Records the exception and marks the span as failed, with {@code error.type} the exception's class name. */
  default TraceSpan error(Throwable error) {
    return this;
  }

  /**
   * Marks the span as failed without an exception, e.g. an HTTP call answered with a 5xx status.
   *
   * @param type the low-cardinality {@code error.type}, e.g. {@code "503"}
   * @param description what went wrong, for the span's status
   */
  default TraceSpan error(String type, String description) {
    return this;
  }

  /** Makes this span the current one on this thread until the scope is closed. */
  default TraceScope makeCurrent() {
    return TraceScope.NONE;
  }

  /**
   * Writes this span's context as W3C trace context ({@code traceparent}, and {@code tracestate} when there is one)
   * with {@code carrier}, for example into HTTP request headers. Writes nothing without a context.
   */
  default void inject(BiConsumer<String, String> carrier) {}

  /** Whether this span has a valid context to propagate. */
  default boolean hasContext() {
    return false;
  }

  /** The 32-hex-digit trace id, or empty without a context. */
  default String traceId() {
    return "";
  }

  /** The 16-hex-digit span id, or empty without a context. */
  default String spanId() {
    return "";
  }

  /** Ends the span. */
  default void end() {}
}
