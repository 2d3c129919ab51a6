package dev.tidings.internal.tracing;

import java.util.function.Function;

/**
 * The tracing facade (see the package comment). Thread-safe.
 */
public abstract class Tracing {
  /** Tracing that makes no span: used when the OpenTelemetry API is not on the class path. */
  public static final Tracing NOOP = new Tracing() {
    @Override
    public boolean enabled() {
      return false;
    }

    @Override
    public SpanStarter span(String name, SpanKind kind) {
      return NoopStarter.INSTANCE;
    }

    @Override
    public TraceSpan current() {
      return TraceSpan.NONE;
    }
  };

  private static final Tracing INSTANCE = load();

  /** For the implementations in this package. */
  Tracing() {}

  /** The tracing of this JVM: OpenTelemetry when its API is on the class path, else {@link #NOOP}. */
  public static Tracing get() {
    return INSTANCE;
  }

  /** Whether spans go to OpenTelemetry (they may still be dropped when no SDK is registered). */
  public abstract boolean enabled();

  /** Describes a span named {@code name}; {@link SpanStarter#start()} starts it. */
  public abstract SpanStarter span(String name, SpanKind kind);

  /**
   * The span current on this thread (for example the consumer span while a handler runs), to add attributes or
   * events to; {@link TraceSpan#NONE} when there is none. Do not end it: its owner does.
   */
  public abstract TraceSpan current();

  private static Tracing load() {
    try {
      Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, Tracing.class.getClassLoader());
      Class.forName("io.opentelemetry.context.Context", false, Tracing.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError absent) {
      return NOOP;
    }
    try {
      return new OtelTracing();
    } catch (LinkageError incompatible) {
      // an OpenTelemetry API too old for this code: trace nothing rather than fail
      return NOOP;
    }
  }

  /** The starter of {@link #NOOP}. */
  private static final class NoopStarter implements SpanStarter {
    static final NoopStarter INSTANCE = new NoopStarter();

    @Override
    public SpanStarter parentFrom(Function<String, String> carrier) {
      return this;
    }

    @Override
    public SpanStarter link(Function<String, String> carrier) {
      return this;
    }

    @Override
    public SpanStarter attribute(String key, String value) {
      return this;
    }

    @Override
    public SpanStarter attribute(String key, long value) {
      return this;
    }

    @Override
    public TraceSpan start() {
      return TraceSpan.NONE;
    }
  }
}
