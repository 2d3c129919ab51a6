package dev.tidings.internal.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.function.Function;

/**
 * {@link Tracing} on the OpenTelemetry API: the tracer of {@code GlobalOpenTelemetry} (looked up on each span, so an
 * SDK registered after start is used, and never registering a no-op as {@code GlobalOpenTelemetry.get()} would), and
 * W3C trace context on the wire whatever propagators the application configured, since the {@code traceparent}
 * header is part of the Tidings message format. Loaded only when the API is on the class path.
 */
final class OtelTracing extends Tracing {
  static final String INSTRUMENTATION = "dev.tidings";
  static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  static final TextMapGetter<Function<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Function<String, String> carrier) {
      return List.of("traceparent", "tracestate");
    }

    @Override
    public String get(Function<String, String> carrier, String key) {
      return carrier == null ? null : carrier.apply(key);
    }
  };

  private volatile OpenTelemetry cachedFor;
  private volatile Tracer cached;

  OtelTracing() {
    // resolve the API classes now, so that an incompatible API fails here and not on the first span
    GlobalOpenTelemetry.getOrNoop();
    Context.root();
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public SpanStarter span(String name, SpanKind kind) {
    return new Starter(tracer().spanBuilder(name).setSpanKind(kind(kind)));
  }

  @Override
  public TraceSpan current() {
    Span span = Span.current();
    return span.getSpanContext().isValid() ? new OtelSpan(span) : TraceSpan.NONE;
  }

  private Tracer tracer() {
    OpenTelemetry otel = GlobalOpenTelemetry.getOrNoop();
    Tracer tracer = cached;
    if (otel != cachedFor || tracer == null) {
      tracer = otel.getTracer(INSTRUMENTATION);
      cached = tracer;
      cachedFor = otel;
    }
    return tracer;
  }

  private static io.opentelemetry.api.trace.SpanKind kind(SpanKind kind) {
    return switch (kind) {
      case INTERNAL -> io.opentelemetry.api.trace.SpanKind.INTERNAL;
      case SERVER -> io.opentelemetry.api.trace.SpanKind.SERVER;
      case CLIENT -> io.opentelemetry.api.trace.SpanKind.CLIENT;
      case PRODUCER -> io.opentelemetry.api.trace.SpanKind.PRODUCER;
      case CONSUMER -> io.opentelemetry.api.trace.SpanKind.CONSUMER;
    };
  }

  static Context extract(Function<String, String> carrier) {
    return W3C.extract(Context.root(), carrier, GETTER);
  }

  /** A {@link SpanStarter} over an OpenTelemetry {@link SpanBuilder}. */
  private static final class Starter implements SpanStarter {
    private final SpanBuilder builder;

    Starter(SpanBuilder builder) {
      this.builder = builder;
    }

    @Override
    public SpanStarter parentFrom(Function<String, String> carrier) {
      SpanContext remote = Span.fromContext(extract(carrier)).getSpanContext();
      Context current = Context.current();
      SpanContext local = Span.fromContext(current).getSpanContext();
      if (remote.isValid() && !(local.isValid() && local.getTraceId().equals(remote.getTraceId()))) {
        builder.setParent(Context.root().with(Span.wrap(remote)));
      } else {
        builder.setParent(current);
      }
      return this;
    }

    @Override
    public SpanStarter link(Function<String, String> carrier) {
      SpanContext remote = Span.fromContext(extract(carrier)).getSpanContext();
      if (remote.isValid()) {
        builder.addLink(remote);
      }
      return this;
    }

    @Override
    public SpanStarter attribute(String key, String value) {
      if (value != null) {
        builder.setAttribute(key, value);
      }
      return this;
    }

    @Override
    public SpanStarter attribute(String key, long value) {
      builder.setAttribute(key, value);
      return this;
    }

    @Override
    public TraceSpan start() {
      return new OtelSpan(builder.startSpan());
    }
  }

  /** Attributes of an event. */
  static Attributes attributes(java.util.Map<String, String> values) {
    if (values.isEmpty()) {
      return Attributes.empty();
    }
    var builder = Attributes.builder();
    values.forEach((k, v) -> {
      if (k != null && v != null) {
        builder.put(AttributeKey.stringKey(k), v);
      }
    });
    return builder.build();
  }
}
