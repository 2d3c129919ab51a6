package dev.tidings.internal.tracing;

/** A span made current on this thread; {@link #close()} (on the same thread) restores the previous one. */
public interface TraceScope extends AutoCloseable {
  /** A scope that restores nothing. */
  TraceScope NONE = () -> {};

  @Override
  void close();
}
